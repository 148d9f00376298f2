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
            var cancelled = false
        }
        private let state = Mutex(State())

        func handle(_ job: Job) async -> JobOutcome {
            state.withLock { $0.started = true }
            let deadline = ContinuousClock.now.advanced(by: .seconds(30))
            while ContinuousClock.now < deadline, !state.withLock({ $0.released }) {
                do {
                    try await Task.sleep(for: .milliseconds(20))
                } catch {
                    state.withLock { $0.cancelled = true }
                    return .retry(reason: "cancelled")
                }
            }
            return .completed
        }

        var started: Bool { state.withLock { $0.started } }
        var cancelled: Bool { state.withLock { $0.cancelled } }
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
            try await running(pool(queue, handler, lease: .seconds(6))) {
                #expect(try await eventually { handler.started })
                let claimed = try await leaseUntil(base)
                database.isFailing = true
                // The first renewal is due 2 s after the claim; it fails, is tried again every 0.6 s.
                try await Task.sleep(for: .milliseconds(2_700))
                database.isFailing = false
                #expect(try await eventually(timeout: .seconds(3)) { try await leaseUntil(base) > claimed })
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
            try await running(pool(queue, handler, lease: .seconds(3))) {
                #expect(try await eventually { handler.started })
                let expiry = try await leaseUntil(base)
                database.isFailing = true
                #expect(try await eventually(timeout: .seconds(4)) { handler.cancelled })
                #expect(Date().millisecondsSince1970 < expiry, "stopped before the lease ran out")
                database.isFailing = false
            }
        }
    }
}
