import Foundation
import KontorFlows
import KontorServer
import KontorStore
import KontorTestSupport
import ServiceLifecycle

@testable import kontor

extension HubHarness {
    /// Runs a worker pool with the hub's job handler (fast retries, documents in doubt looked up after
    /// `reconciliationDelay` and again after `reconciliationWindow`; the archive's backfill splitting windows of
    /// `archiveBackfillWindowLimit` matches) until `condition` holds or `timeout` passes;
    /// returns whether it held.
    func runWorkers(
        timeout: Duration = .seconds(20),
        reconciliationDelay: Duration = .milliseconds(200),
        reconciliationWindow: Duration = .milliseconds(400),
        archiveBackfillWindowLimit: Int = ArchiveBackfill.defaultWindowLimit,
        until condition: @escaping @Sendable () async throws -> Bool
    ) async throws -> Bool {
        let queue = JobQueue(
            database: database,
            backoff: RetryBackoff(base: .milliseconds(50), cap: .milliseconds(200))
        )
        let pool = JobWorkerPool(
            queue: queue,
            handler: HubComposition(
                database: database,
                secrets: secrets,
                server: server,
                archiveBackfillWindowLimit: archiveBackfillWindowLimit
            )
            .jobHandler(
                queue: queue,
                reconciliationDelay: reconciliationDelay,
                reconciliationWindow: reconciliationWindow
            ),
            configuration: JobWorkerConfiguration(pollInterval: .milliseconds(10)),
            logger: HubHarness.logger
        )
        let group = ServiceGroup(services: [pool], logger: HubHarness.logger)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let held = try await eventually(timeout: timeout, condition)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return held
        }
    }
}
