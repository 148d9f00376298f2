import Foundation
import KontorCore
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

    /// A configuration.
    package init(
        owner: String = JobWorkerConfiguration.defaultOwner(),
        maximumTenants: Int = 32,
        leaseDuration: Duration = .seconds(30),
        pollInterval: Duration = .milliseconds(200),
        jobsPerLease: Int = 100
    ) {
        self.owner = owner
        self.maximumTenants = max(1, maximumTenants)
        self.leaseDuration = leaseDuration
        self.pollInterval = pollInterval
        self.jobsPerLease = max(1, jobsPerLease)
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
package struct JobWorkerPool: Service {
    private let queue: JobQueue
    private let handler: any JobHandler
    private let configuration: JobWorkerConfiguration
    private let logger: Logger

    /// A pool working on `queue` with `handler`.
    package init(queue: JobQueue, handler: any JobHandler, configuration: JobWorkerConfiguration, logger: Logger) {
        self.queue = queue
        self.handler = handler
        self.configuration = configuration
        self.logger = logger
    }

    /// Works until the task is cancelled or a graceful shutdown is triggered.
    package func run() async {
        let active = ActiveTenants()
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                await admitStagedJobs()
                let free = configuration.maximumTenants - active.count
                if free > 0 {
                    for tenant in await leaseTenants(limit: free) {
                        active.insert(tenant)
                        group.addTask {
                            await work(on: tenant)
                            active.remove(tenant)
                        }
                    }
                }
                try? await Task.sleep(for: configuration.pollInterval)
            }
        }
    }

    /// Moves what the webhook intake staged (in this process or a receive-only one) into the queue, batch by
    /// batch, each its own short transaction so that the intake's commits go on in between; at most
    /// `maximumAdmissionBatches` per poll, so that a stream of events never holds up leasing. A storage error is
    /// logged, and the jobs stay staged for the next poll.
    private func admitStagedJobs() async {
        do {
            for _ in 0..<Self.maximumAdmissionBatches {
                guard try await queue.admitStagedJobs(limit: Self.admissionBatch) == Self.admissionBatch else { return }
            }
        } catch {
            logger.warning("cannot admit staged jobs", metadata: ["error": "\(error)"])
        }
    }

    private static let admissionBatch = 64
    private static let maximumAdmissionBatches = 128

    private func leaseTenants(limit: Int) async -> [TenantID] {
        do {
            return try await queue.leaseReadyTenants(
                owner: configuration.owner,
                limit: limit,
                duration: configuration.leaseDuration
            )
        } catch {
            logger.warning("cannot lease tenants", metadata: ["error": "\(error)"])
            return []
        }
    }

    /// Runs the tenant's due jobs one after another, then gives the lease back.
    private func work(on tenant: TenantID) async {
        var logger = logger
        logger[metadataKey: "tenant.id"] = "\(tenant)"
        var processed = 0
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
        guard !Task.isCancelled else { return }
        do {
            try await queue.releaseLease(of: tenant, owner: configuration.owner)
        } catch {
            logger.warning("cannot release tenant lease; it will expire", metadata: ["error": "\(error)"])
        }
    }

    /// Runs the handler while renewing the tenant's lease every third of its duration.
    private func runKeepingLease(_ job: Job, logger: Logger) async -> JobOutcome {
        await withTaskGroup(of: JobOutcome?.self) { group in
            group.addTask { await handler.handle(job) }
            group.addTask {
                while !Task.isCancelled {
                    do {
                        try await Task.sleep(for: configuration.leaseDuration / 3)
                        let kept = try await queue.renewLease(
                            of: job.tenantID,
                            owner: configuration.owner,
                            duration: configuration.leaseDuration
                        )
                        if !kept {
                            logger.warning("tenant lease lost while a job ran", metadata: ["job.id": "\(job.id)"])
                        }
                    } catch {
                        return nil
                    }
                }
                return nil
            }
            var outcome = JobOutcome.retry(reason: "the job was interrupted")
            for await result in group {
                if let result {
                    outcome = result
                    group.cancelAll()
                }
            }
            return outcome
        }
    }

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
    private let tenants = Mutex(Set<TenantID>())

    var count: Int { tenants.withLock { $0.count } }

    func insert(_ tenant: TenantID) { tenants.withLock { _ = $0.insert(tenant) } }

    func remove(_ tenant: TenantID) { tenants.withLock { _ = $0.remove(tenant) } }
}
