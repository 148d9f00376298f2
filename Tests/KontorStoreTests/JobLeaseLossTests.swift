import Foundation
import KontorCore
import KontorFlows
import KontorStore
import KontorTestSupport
import SQLKit
import ServiceLifecycle
import Synchronization
import Testing

/// A worker keeps its tenant lease through database hiccups, and stops a job at once when the lease is lost.
@Suite("Job lease loss", .timeLimit(.minutes(1)))
struct JobLeaseLossTests {
    private let acme = TenantID("acme")

    /// Runs until released or cancelled, and remembers which.
    final class WaitingHandler: JobHandler {
        private struct State {
            var started = false
            var released = false
            var cancelledAt: Date?
        }
        private let state = Mutex(State())

        func handle(_ job: Job) async -> JobOutcome {
            state.withLock { $0.started = true }
            let deadline = ContinuousClock.now.advanced(by: .seconds(30))
            while ContinuousClock.now < deadline, !state.withLock({ $0.released }) {
                do {
                    try await Task.sleep(for: .milliseconds(20))
                } catch {
                    state.withLock { $0.cancelledAt = Date() }
                    return .retry(reason: "cancelled")
                }
            }
            return .completed
        }

        var started: Bool { state.withLock { $0.started } }
        var cancelled: Bool { cancelledAt != nil }
        /// When the handler saw its cancellation.
        var cancelledAt: Date? { state.withLock { $0.cancelledAt } }
        func release() { state.withLock { $0.released = true } }
    }

    private func pool(_ queue: JobQueue, _ handler: WaitingHandler, lease: Duration) -> JobWorkerPool {
        JobWorkerPool(
            queue: queue,
            handler: handler,
            configuration: JobWorkerConfiguration(
                owner: "pool",
                maximumTenants: 2,
                leaseDuration: lease,
                pollInterval: .milliseconds(10)
            ),
            logger: TestDatabase.logger
        )
    }

    /// Runs `pool` while `body` runs, then shuts it down gracefully.
    private func running(_ pool: JobWorkerPool, _ body: () async throws -> Void) async throws {
        let group = ServiceGroup(services: [pool], logger: TestDatabase.logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await body()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    private func leaseUntil(_ database: any StoreDatabase) async throws -> Int64 {
        try await database.read { db in
            try await db.raw("SELECT lease_until FROM tenant_leases WHERE tenant_id = 'acme'").first()?
                .decode(column: "lease_until", as: Int64.self) ?? 0
        }
    }

    @Test(
        "a renewal that fails is tried again; the job goes on once the database answers",
        arguments: TestEngine.allCases
    )
    func renewalRetries(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { base, _ in
            let database = InterruptibleDatabase(base)
            let queue = JobQueue(database: database)
            let job = try await queue.enqueue(NewJob(tenantID: acme, kind: "k")).jobID
            let handler = WaitingHandler()
            // A lease long enough that a loaded machine's late timers do not let it run out while renewals fail.
            try await running(pool(queue, handler, lease: .seconds(12))) {
                #expect(try await eventually { handler.started })
                let claimed = try await leaseUntil(base)
                database.isFailing = true
                // The first renewal is due 4 s after the claim; it fails, is tried again every 1.2 s.
                try await Task.sleep(for: .milliseconds(4_700))
                database.isFailing = false
                #expect(try await eventually(timeout: .seconds(6)) { try await leaseUntil(base) > claimed })
                #expect(!handler.cancelled)
                handler.release()
                #expect(try await eventually { try await queue.job(job)?.state == .done })
            }
        }
    }

    @Test("a lease taken over while the job runs stops the job at once", arguments: TestEngine.allCases)
    func takenOverLeaseStopsJob(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let queue = JobQueue(database: database)
            let job = try await queue.enqueue(NewJob(tenantID: acme, kind: "k")).jobID
            let handler = WaitingHandler()
            try await running(pool(queue, handler, lease: .seconds(3))) {
                #expect(try await eventually { handler.started })
                try await database.transaction { db in
                    try await db.raw("UPDATE tenant_leases SET owner = 'thief', epoch = epoch + 1").run()
                }
                #expect(try await eventually(timeout: .seconds(3)) { handler.cancelled })
                let stolen = try #require(try await queue.job(job))
                #expect(stolen.state == .running, "the pool records nothing for a job whose lease it lost")
            }
        }
    }

    @Test("renewals failing until the lease would run out stop the job before it does", arguments: TestEngine.allCases)
    func unrenewableLeaseStopsJob(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { base, _ in
            let database = InterruptibleDatabase(base)
            let queue = JobQueue(database: database)
            _ = try await queue.enqueue(NewJob(tenantID: acme, kind: "k"))
            let handler = WaitingHandler()
            // A 16 s lease: the pool gives up about 8 s after the claim, nearly 8 s before the lease runs out (a
            // margin a loaded machine's late timers cannot use up; with 3 s, one CI run stopped the job 0.8 s late).
            try await running(pool(queue, handler, lease: .seconds(16))) {
                #expect(try await eventually { handler.started })
                let expiry = try await leaseUntil(base)
                database.isFailing = true
                #expect(try await eventually(timeout: .seconds(20)) { handler.cancelled })
                let stopped = try #require(handler.cancelledAt)
                #expect(stopped.millisecondsSince1970 < expiry, "stopped before the lease ran out")
                database.isFailing = false
            }
        }
    }

    /// Runs each job for `duration`, not stopped by cancellation, and counts jobs of a tenant that overlapped.
    final class StubbornHandler: JobHandler {
        private struct State {
            var running = 0
            var overlaps = 0
            var runs = 0
        }
        private let state = Mutex(State())
        let duration: Duration

        init(duration: Duration) { self.duration = duration }

        func handle(_ job: Job) async -> JobOutcome {
            state.withLock { state in
                if state.running > 0 { state.overlaps += 1 }
                state.running += 1
                state.runs += 1
            }
            let end = ContinuousClock.now.advanced(by: duration)
            while ContinuousClock.now < end { try? await Task.sleep(for: .milliseconds(10)) }
            state.withLock { $0.running -= 1 }
            return .completed
        }

        var overlaps: Int { state.withLock { $0.overlaps } }
        var runs: Int { state.withLock { $0.runs } }
    }

    @Test(
        "a pool never works a tenant twice at once, even when its lease looks expired while its job runs",
        arguments: TestEngine.allCases
    )
    func noSecondSession(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let queue = JobQueue(database: database)
            let job = try await queue.enqueue(NewJob(tenantID: acme, kind: "k")).jobID
            let handler = StubbornHandler(duration: .milliseconds(1_500))
            let pool = JobWorkerPool(
                queue: queue,
                handler: handler,
                configuration: JobWorkerConfiguration(
                    owner: "pool",
                    maximumTenants: 4,
                    leaseDuration: .seconds(3),
                    pollInterval: .milliseconds(10)
                ),
                logger: TestDatabase.logger
            )
            try await running(pool) {
                #expect(try await eventually { handler.runs == 1 })
                // The lease looks expired (a stalled renewal would leave it so) while the job still runs.
                let stalled = ContinuousClock.now.advanced(by: .milliseconds(800))
                while ContinuousClock.now < stalled {
                    try await database.transaction { db in
                        try await db.raw("UPDATE tenant_leases SET lease_until = 0").run()
                    }
                    try await Task.sleep(for: .milliseconds(5))
                }
                #expect(try await eventually { try await queue.job(job)?.state == .done })
            }
            #expect(handler.overlaps == 0, "the tenant's job ran twice at once")
            #expect(handler.runs == 1)
        }
    }
}
