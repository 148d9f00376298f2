import Foundation
import KontorCore
import KontorFlows
import Logging
import ServiceLifecycle
import Synchronization

/// How a ``JobWorkerPool`` works.
package struct JobWorkerConfiguration: Sendable {
    /// Names this worker in leases; unique per process (default: host, process id and a random part).
    package var owner: String
    /// How many tenants this process works on at once.
    package var maximumTenants: Int
    /// How long a lease lasts without renewal; a crashed worker's tenants are taken over after this.
    package var leaseDuration: Duration
    /// How often the pool looks for tenants with due jobs when it has free capacity.
    package var pollInterval: Duration
    /// After this many jobs a tenant's lease is given back, so that other workers get a turn.
    package var jobsPerLease: Int
    /// How many tenants the pool works on at once while the intake it yields to is busy (see ``IntakeLoad``); never
    /// more than ``maximumTenants``.
    package var tenantsWhileIntakeBusy: Int

    /// A configuration.
    package init(
        owner: String = JobWorkerConfiguration.defaultOwner(),
        maximumTenants: Int = 32,
        leaseDuration: Duration = .seconds(30),
        pollInterval: Duration = .milliseconds(200),
        jobsPerLease: Int = 100,
        tenantsWhileIntakeBusy: Int = 1
    ) {
        self.owner = owner
        self.maximumTenants = max(1, maximumTenants)
        self.leaseDuration = leaseDuration
        self.pollInterval = pollInterval
        self.jobsPerLease = max(1, jobsPerLease)
        self.tenantsWhileIntakeBusy = min(max(1, tenantsWhileIntakeBusy), self.maximumTenants)
    }

    /// `host/pid/random`: unique across processes and restarts.
    package static func defaultOwner() -> String {
        let random = UUID().uuidString.prefix(8).lowercased()
        return "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)/\(random)"
    }
}

/// Runs queued jobs with a ``JobHandler``: leases tenants with due jobs, runs each tenant's jobs in order (one at a
/// time per tenant, many tenants at once), renews leases while a job runs, and releases them when done.
///
/// On graceful shutdown it stops claiming, lets running jobs finish and releases its leases; after a hard stop the
/// leases expire and other workers take the tenants over.
///
/// Given an ``IntakeLoad``, the pool yields to a busy intake (the process's own webhook and invoice requests): it
/// works at most ``JobWorkerConfiguration/tenantsWhileIntakeBusy`` tenants then (sessions beyond that end after
/// their current job) and admits one batch of staged events per second, so that work goes on, slower, however long
/// the intake stays busy.
package struct JobWorkerPool: Service {
    private let queue: JobQueue
    private let handler: any JobHandler
    private let configuration: JobWorkerConfiguration
    private let intake: IntakeLoad?
    private let logger: Logger

    /// A pool working on `queue` with `handler`, yielding to `intake` while it is busy.
    package init(
        queue: JobQueue,
        handler: any JobHandler,
        configuration: JobWorkerConfiguration,
        yieldingTo intake: IntakeLoad? = nil,
        logger: Logger
    ) {
        self.queue = queue
        self.handler = handler
        self.configuration = configuration
        self.intake = intake
        self.logger = logger
    }

    /// Works until the task is cancelled or a graceful shutdown is triggered.
    package func run() async {
        let active = ActiveTenants()
        var lastAdmission = ContinuousClock.now - Self.admissionIntervalWhileBusy
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                let busy = intakeIsBusy
                if !busy || lastAdmission.duration(to: .now) >= Self.admissionIntervalWhileBusy {
                    lastAdmission = .now
                    await admitStagedJobs(batches: busy ? 1 : Self.maximumAdmissionBatches)
                }
                let limit = busy ? configuration.tenantsWhileIntakeBusy : configuration.maximumTenants
                // A batch of tenants at a time, each batch's sessions started before the next is leased.
                while limit - active.count > 0, !Task.isCancelled {
                    let batch = min(limit - active.count, Self.leaseBatch)
                    let leased = await leaseTenants(limit: batch, excluding: active.tenants)
                    for tenant in leased {
                        active.insert(tenant)
                        group.addTask {
                            let left = await work(on: tenant, among: active)
                            active.remove(tenant, left: left)
                        }
                    }
                    if leased.count < batch { break }
                }
                try? await Task.sleep(for: configuration.pollInterval)
            }
        }
    }

    private var intakeIsBusy: Bool { intake?.isBusy ?? false }

    /// Moves what the webhook intake staged (in this process or a receive-only one) into the queue, batch by
    /// batch, each its own short transaction so that the intake's commits go on in between; at most `batches`
    /// per poll, so that a stream of events never holds up leasing. A storage error is logged, and the jobs stay
    /// staged for the next poll.
    private func admitStagedJobs(batches: Int) async {
        do {
            for _ in 0..<batches {
                guard try await queue.admitStagedJobs(limit: Self.admissionBatch) == Self.admissionBatch else { return }
            }
        } catch {
            logger.warning("cannot admit staged jobs", metadata: ["error": "\(error)"])
        }
    }

    private static let admissionBatch = 64
    private static let leaseBatch = 64
    private static let maximumAdmissionBatches = 128
    private static let admissionIntervalWhileBusy = Duration.seconds(1)

    /// Leases tenants with due jobs, never one this pool still works on (a session whose lease was lost may not
    /// have ended yet: one process never works a tenant twice at once).
    private func leaseTenants(limit: Int, excluding active: Set<TenantID>) async -> [TenantID] {
        do {
            return try await queue.leaseReadyTenants(
                owner: configuration.owner,
                limit: limit,
                duration: configuration.leaseDuration,
                excluding: active
            )
        } catch {
            logger.warning("cannot lease tenants", metadata: ["error": "\(error)"])
            return []
        }
    }

    /// Runs the tenant's due jobs one after another, then gives the lease back; ends early when the pool works on
    /// more tenants than it may while the intake is busy.
    /// - Returns: Whether the session ended early for the intake (``ActiveTenants/leave(over:)``).
    private func work(on tenant: TenantID, among active: ActiveTenants) async -> Bool {
        var logger = logger
        logger[metadataKey: "tenant.id"] = "\(tenant)"
        var processed = 0
        var left = false
        do {
            var next = try await queue.claimNextJob(
                of: tenant,
                owner: configuration.owner,
                leaseDuration: configuration.leaseDuration
            )
            while let job = next {
                processed += 1
                let outcome = await runKeepingLease(job, logger: logger)
                var goesOn =
                    processed < configuration.jobsPerLease && !Task.isCancelled && !Task.isShuttingDownGracefully
                if case .pauseTenant = outcome { goesOn = false }
                if goesOn, intakeIsBusy, active.leave(over: configuration.tenantsWhileIntakeBusy) {
                    left = true
                    goesOn = false
                }
                // The next job is claimed in the commit that records this one.
                let state: JobState?
                (state, next) = try await queue.finish(
                    job,
                    owner: configuration.owner,
                    outcome: outcome,
                    claimingNextWithLease: goesOn ? configuration.leaseDuration : nil
                )
                log(job, outcome: outcome, state: state, logger: logger)
            }
        } catch {
            logger.warning("tenant session ended by a storage error", metadata: ["error": "\(error)"])
        }
        guard !Task.isCancelled else { return left }
        do {
            try await queue.releaseLease(of: tenant, owner: configuration.owner)
        } catch {
            logger.warning("cannot release tenant lease; it will expire", metadata: ["error": "\(error)"])
        }
        return left
    }

    /// Runs the handler while renewing the tenant's lease every third of its duration. A renewal that fails (the
    /// database unreachable) is tried again every ``renewalRetryInterval`` as long as the lease lasts; a lease that
    /// is lost (taken over, or about to expire without a renewal) cancels the handler at once, and the attempt ends
    /// as interrupted. The claim's writes are refused by then anyway (``JobClaim``); the cancellation stops the
    /// lexoffice requests the handler may still be waiting to send.
    private func runKeepingLease(_ job: Job, logger: Logger) async -> JobOutcome {
        guard let claim = job.claim else { return await handler.handle(job) }
        return await withTaskGroup(of: JobOutcome?.self) { group in
            group.addTask { await handler.handle(job) }
            group.addTask { await keepLease(claim, of: job, logger: logger) }
            var outcome: JobOutcome?
            for await result in group where outcome == nil {
                if let result {
                    outcome = result
                    group.cancelAll()
                }
            }
            return outcome ?? .retry(reason: "the job was interrupted")
        }
    }

    /// Renews the job's lease until cancelled; returns the attempt's outcome only when the lease is lost.
    private func keepLease(_ claim: JobClaim, of job: Job, logger: Logger) async -> JobOutcome? {
        let duration = configuration.leaseDuration
        // A claim extends the lease only once a third of it is used up: at least two thirds are left.
        var validUntil = ContinuousClock.now.advanced(by: duration * 2 / 3)
        var wait = duration / 3
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: wait)
            } catch {
                return nil
            }
            let attempted = ContinuousClock.now
            do {
                guard try await queue.renewLease(of: job.tenantID, claim: claim, duration: duration) else {
                    logger.warning(
                        "tenant lease lost while a job ran; the job is stopped",
                        metadata: ["job.id": "\(job.id)"]
                    )
                    return .retry(reason: "the tenant lease was lost while the job ran")
                }
                validUntil = attempted.advanced(by: duration)
                wait = duration / 3
            } catch {
                let retry = min(Self.renewalRetryInterval, duration / 10)
                guard ContinuousClock.now.advanced(by: retry * 2) < validUntil else {
                    logger.error(
                        "tenant lease could not be renewed before it ran out; the job is stopped",
                        metadata: ["job.id": "\(job.id)", "error": "\(error)"]
                    )
                    return .retry(reason: "the tenant lease could not be renewed: \(error)")
                }
                logger.warning("cannot renew tenant lease; trying again", metadata: ["error": "\(error)"])
                wait = retry
            }
        }
        return nil
    }

    /// How soon a lease renewal that failed is tried again (at most a tenth of the lease).
    private static let renewalRetryInterval = Duration.seconds(1)

    private func log(_ job: Job, outcome: JobOutcome, state: JobState?, logger: Logger) {
        let metadata: Logger.Metadata = [
            "job.id": "\(job.id)", "job.kind": "\(job.kind)", "job.attempt": "\(job.attempts)",
        ]
        switch (outcome, state) {
        case (_, nil):
            logger.warning("job result discarded: the tenant lease was lost", metadata: metadata)
        case (.completed, _):
            logger.debug("job completed", metadata: metadata)
        case (_, .dead):
            logger.error("job is dead", metadata: metadata)
        case (.pauseTenant, _):
            logger.warning("tenant paused", metadata: metadata)
        default:
            logger.warning("job failed; will retry", metadata: metadata)
        }
    }
}

/// The tenants a pool is working on right now, shared between its poll loop and its tenant tasks.
private final class ActiveTenants: Sendable {
    private struct State {
        var tenants: Set<TenantID> = []
        /// Sessions that decided to end (``leave(over:)``) and have not ended yet.
        var leaving = 0
    }

    private let state = Mutex(State())

    var count: Int { state.withLock { $0.tenants.count } }

    /// The tenants being worked on.
    var tenants: Set<TenantID> { state.withLock { $0.tenants } }

    func insert(_ tenant: TenantID) { state.withLock { _ = $0.tenants.insert(tenant) } }

    /// Removes a tenant whose session ended; `left`: the session ended because ``leave(over:)`` said so.
    func remove(_ tenant: TenantID, left: Bool) {
        state.withLock { state in
            if state.tenants.remove(tenant) != nil, left { state.leaving -= 1 }
        }
    }

    /// Whether a session should end so that no more than `limit` go on: only as many say yes as are over it.
    func leave(over limit: Int) -> Bool {
        state.withLock { state in
            guard state.tenants.count - state.leaving > limit else { return false }
            state.leaving += 1
            return true
        }
    }
}
