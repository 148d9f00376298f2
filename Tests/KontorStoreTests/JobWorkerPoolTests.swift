import Foundation
import KontorCore
import KontorFlows
import KontorStore
import KontorTestSupport
import Logging
import SQLKit
import ServiceLifecycle
import Synchronization
import Testing

@Suite("Job worker pool", .timeLimit(.minutes(3)))
struct JobWorkerPoolTests {
    /// Records which tenants are running at any moment and the order each tenant's jobs ran in.
    final class Recorder: JobHandler {
        private struct State {
            var running: Set<TenantID> = []
            var overlaps = 0
            var order: [TenantID: [Int]] = [:]
            var peak = 0
        }
        private let state = Mutex(State())
        let jobDuration: Duration

        init(jobDuration: Duration) { self.jobDuration = jobDuration }

        func handle(_ job: Job) async -> JobOutcome {
            state.withLock { state in
                if !state.running.insert(job.tenantID).inserted { state.overlaps += 1 }
                state.peak = max(state.peak, state.running.count)
                state.order[job.tenantID, default: []].append(Int(job.payload) ?? -1)
            }
            try? await Task.sleep(for: jobDuration)
            state.withLock { _ = $0.running.remove(job.tenantID) }
            return .completed
        }

        var overlaps: Int { state.withLock { $0.overlaps } }
        var order: [TenantID: [Int]] { state.withLock { $0.order } }
        /// The most tenants whose jobs ran at once since the last ``resetPeak()``.
        var peak: Int { state.withLock { $0.peak } }
        func resetPeak() { state.withLock { $0.peak = 0 } }
    }

    private func configuration(maximumTenants: Int = 4) -> JobWorkerConfiguration {
        JobWorkerConfiguration(
            maximumTenants: maximumTenants,
            leaseDuration: .seconds(10),
            pollInterval: .milliseconds(10),
            jobsPerLease: 3
        )
    }

    /// Enqueues jobs numbered `sequences` (the number is the payload) for each of `count` tenants, round by round.
    /// - Returns: The tenants.
    private func enqueueNumberedJobs(
        _ sequences: Range<Int>,
        forTenants count: Int,
        on queue: JobQueue
    ) async throws -> [TenantID] {
        let tenants = (0..<count).map { TenantID("tenant-\($0)") }
        for sequence in sequences {
            for tenant in tenants {
                _ = try await queue.enqueue(NewJob(tenantID: tenant, kind: "k", payload: "\(sequence)"))
            }
        }
        return tenants
    }

    @Test(
        "runs every job once, each tenant's in order and never two of a tenant at once",
        arguments: TestEngine.allCases
    )
    func runsAllJobs(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let queue = JobQueue(database: database)
            let tenants = try await enqueueNumberedJobs(0..<20, forTenants: 10, on: queue)
            let recorder = Recorder(jobDuration: .milliseconds(1))
            let pool = JobWorkerPool(
                queue: queue,
                handler: recorder,
                configuration: configuration(),
                logger: TestDatabase.logger
            )
            let group = ServiceGroup(services: [pool], logger: TestDatabase.logger)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                #expect(try await eventually(timeout: .seconds(120)) { try await queue.counts()[.done] == 200 })
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            #expect(recorder.overlaps == 0)
            for tenant in tenants {
                #expect(recorder.order[tenant] == Array(0..<20), "order of \(tenant)")
            }
            let held = try await database.withConnection { db in
                try await db.raw("SELECT COUNT(*) AS n FROM tenant_leases WHERE owner IS NOT NULL").first()?
                    .decode(column: "n", as: Int.self)
            }
            #expect(held == 0)
        }
    }

    @Test("graceful shutdown lets the running job finish and releases the lease", arguments: TestEngine.allCases)
    func gracefulShutdown(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let queue = JobQueue(database: database)
            let first = try await queue.enqueue(NewJob(tenantID: TenantID("acme"), kind: "k", payload: "0")).jobID
            let second = try await queue.enqueue(NewJob(tenantID: TenantID("acme"), kind: "k", payload: "1")).jobID
            let pool = JobWorkerPool(
                queue: queue,
                handler: Recorder(jobDuration: .milliseconds(400)),
                configuration: configuration(),
                logger: TestDatabase.logger
            )
            let group = ServiceGroup(services: [pool], logger: TestDatabase.logger)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                #expect(try await eventually { try await queue.job(first)?.state == .running })
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            #expect(try await queue.job(first)?.state == .done)
            #expect(try await queue.job(second)?.state == .queued)
            #expect(try await queue.job(second)?.attempts == 0)
            #expect(
                try await queue.leaseReadyTenants(owner: "next", limit: 1, duration: .seconds(1)) == [TenantID("acme")]
            )
        }
    }

    @Test("while the intake is busy the pool never works more tenants than its maximum")
    func busyLimitWithinMaximum() {
        #expect(JobWorkerConfiguration(maximumTenants: 4, tenantsWhileIntakeBusy: 1024).tenantsWhileIntakeBusy == 4)
        #expect(JobWorkerConfiguration(maximumTenants: 4, tenantsWhileIntakeBusy: 0).tenantsWhileIntakeBusy == 1)
        #expect(JobWorkerConfiguration(maximumTenants: 4, tenantsWhileIntakeBusy: 2).tenantsWhileIntakeBusy == 2)
    }

    @Test(
        "while the intake is busy one tenant is worked at a time, jobs still get done, all tenants at once after",
        arguments: TestEngine.allCases
    )
    func yieldsToBusyIntake(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let queue = JobQueue(database: database)
            let tenants = try await enqueueNumberedJobs(0..<5, forTenants: 6, on: queue)
            let intake = IntakeLoad(threshold: 1, linger: .zero)
            let (release, releaseSignal) = AsyncStream.makeStream(of: Void.self)
            let recorder = Recorder(jobDuration: .milliseconds(40))
            var busyConfiguration = configuration(maximumTenants: 4)
            busyConfiguration.tenantsWhileIntakeBusy = 1
            let pool = JobWorkerPool(
                queue: queue,
                handler: recorder,
                configuration: busyConfiguration,
                yieldingTo: intake,
                logger: TestDatabase.logger
            )
            let group = ServiceGroup(services: [pool], logger: TestDatabase.logger)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { await intake.track(for: "tenant:acme") { for await _ in release {} } }
                #expect(try await eventually { intake.isBusy })
                tasks.addTask { try await group.run() }
                #expect(try await eventually(timeout: .seconds(20)) { try await queue.counts()[.done] ?? 0 >= 8 })
                #expect(recorder.peak == 1, "one tenant at a time while the intake is busy")
                releaseSignal.finish()
                #expect(try await eventually { !intake.isBusy })
                recorder.resetPeak()
                #expect(try await eventually(timeout: .seconds(20)) { try await queue.counts()[.done] == 30 })
                #expect(recorder.peak > 1, "several tenants at once when the intake is idle again")
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            #expect(recorder.overlaps == 0)
            for tenant in tenants {
                #expect(recorder.order[tenant] == Array(0..<5), "order of \(tenant)")
            }
        }
    }
}
