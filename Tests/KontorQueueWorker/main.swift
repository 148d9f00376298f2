// A worker process for the queue tests: runs a JobWorkerPool with a RecordingHandler against a database until
// the queue has been empty for a while, a deadline passes, or it gets SIGTERM. Tests start two of them at once,
// or kill one with SIGKILL in the middle of its jobs.
//
// Usage: KontorQueueWorker DATABASE LOG-FILE OWNER JOB-MILLIS IDLE-EXIT-MILLIS LEASE-MILLIS DEADLINE-SECONDS

import Foundation
import KontorFlows
import KontorStore
import Logging
import ServiceLifecycle
import UnixSignals

let arguments = CommandLine.arguments
guard arguments.count == 8, let jobMillis = Int64(arguments[4]), let idleMillis = Int64(arguments[5]),
    let leaseMillis = Int64(arguments[6]), let deadlineSeconds = Int64(arguments[7])
else {
    FileHandle.standardError.write(
        Data("usage: KontorQueueWorker DATABASE LOG OWNER JOB-MS IDLE-MS LEASE-MS DEADLINE-S\n".utf8)
    )
    exit(2)
}
let logDescriptor = open(arguments[2], O_WRONLY | O_APPEND | O_CREAT, 0o644)
guard logDescriptor >= 0 else {
    FileHandle.standardError.write(Data("cannot open \(arguments[2])\n".utf8))
    exit(1)
}
var logger = Logger(label: "kontor.queue-worker")
logger.logLevel = .warning

let location = try DatabaseLocation(parsing: arguments[1])
try await withStoreDatabase(location, logger: logger) { database in
    try await Migrator(database: database, logger: logger).migrate()
    let queue = JobQueue(database: database, backoff: RetryBackoff(base: .milliseconds(50), cap: .seconds(1)))
    let pool = JobWorkerPool(
        queue: queue,
        handler: RecordingHandler(
            owner: arguments[3],
            logDescriptor: logDescriptor,
            jobDuration: .milliseconds(jobMillis)
        ),
        configuration: JobWorkerConfiguration(
            owner: arguments[3],
            maximumTenants: 8,
            leaseDuration: .milliseconds(leaseMillis),
            pollInterval: .milliseconds(20),
            jobsPerLease: 5
        ),
        logger: logger
    )
    let group = ServiceGroup(services: [pool], gracefulShutdownSignals: [.sigterm], logger: logger)
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        tasks.addTask {
            let deadline = ContinuousClock.now.advanced(by: .seconds(deadlineSeconds))
            var idleSince = ContinuousClock.now
            while ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
                let counts = try await queue.counts()
                if (counts[.queued] ?? 0) + (counts[.running] ?? 0) > 0 { idleSince = ContinuousClock.now }
                if ContinuousClock.now - idleSince > .milliseconds(idleMillis) { break }
            }
            await group.triggerGracefulShutdown()
        }
        try await tasks.waitForAll()
    }
}
close(logDescriptor)
