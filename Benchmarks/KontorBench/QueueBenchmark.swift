import Foundation
import KontorCore
import KontorFlows
import KontorStore
import Logging
import SQLKit
import ServiceLifecycle
import Synchronization

/// The `queue` suite: jobs/s for enqueue, and for claim + complete through a worker pool, on SQLite (a temp file)
/// and on PostgreSQL when `KONTOR_BENCH_POSTGRES_URL` (or `KONTOR_TEST_POSTGRES_URL`) names a server.
enum QueueBenchmark {
    static let jobs = 4_000
    static let tenants = 50

    static func run() async throws {
        #if DEBUG
        print("warning: debug build — run `swift run -c release KontorBench queue` for meaningful figures")
        #endif
        print(
            "KontorBench queue (\(ProcessInfo.processInfo.activeProcessorCount) cores, \(jobs) jobs over \(tenants) tenants)"
        )
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await measure("sqlite", .sqlite(path: folder.appendingPathComponent("bench.sqlite").path))
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["KONTOR_BENCH_POSTGRES_URL"] ?? environment["KONTOR_TEST_POSTGRES_URL"] {
            try await measure("postgres", .postgres(url: url))
        } else {
            print("postgres: skipped (set KONTOR_BENCH_POSTGRES_URL to an empty database)")
        }
    }

    private static func measure(_ name: String, _ location: DatabaseLocation) async throws {
        var logger = Logger(label: "kontor.bench")
        logger.logLevel = .error
        try await withStoreDatabase(location, logger: logger) { database in
            try await Migrator(database: database, logger: logger).migrate()
            try await database.transaction { db in
                try await db.raw("DELETE FROM jobs").run()
                try await db.raw("DELETE FROM tenant_leases").run()
            }
            let queue = JobQueue(database: database)
            let enqueueStart = ContinuousClock.now
            for index in 0..<jobs {
                _ = try await queue.enqueue(NewJob(tenantID: TenantID("t\(index % tenants)"), kind: "bench"))
            }
            let enqueueTime = (ContinuousClock.now - enqueueStart).inSeconds

            let counter = CompletionCounter()
            let pool = JobWorkerPool(
                queue: queue,
                handler: counter,
                configuration: JobWorkerConfiguration(
                    maximumTenants: 16,
                    pollInterval: .milliseconds(5),
                    jobsPerLease: 200
                ),
                logger: logger
            )
            let group = ServiceGroup(services: [pool], logger: logger)
            let runStart = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                let deadline = ContinuousClock.now.advanced(by: .seconds(300))
                while try await queue.counts()[.done] ?? 0 < jobs, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(20))
                }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            let runTime = (ContinuousClock.now - runStart).inSeconds
            let done = try await queue.counts()[.done] ?? 0
            print(
                String(
                    format: "%@: enqueue %8.0f jobs/s   claim+complete %8.0f jobs/s   (%d/%d done)",
                    name,
                    Double(jobs) / enqueueTime,
                    Double(done) / runTime,
                    done,
                    jobs
                )
            )
        }
    }

}

/// A handler that does nothing but count: the queue's own cost.
private final class CompletionCounter: JobHandler {
    private let count = Mutex(0)

    func handle(_ job: Job) async -> JobOutcome {
        count.withLock { $0 += 1 }
        return .completed
    }
}
