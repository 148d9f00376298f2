import Foundation
import KontorStore
import KontorTestSupport
import Testing

/// A `KontorQueueWorker` process (built next to the tests) working on a test database.
struct QueueWorkerProcess {
    /// One line of the workers' shared log: which worker ran which job of which tenant, and when (µs).
    struct Run: Equatable {
        let owner: String
        let tenant: String
        let job: Int64
        let start: Int64
        let end: Int64
    }

    private static let binary = builtExecutable(named: "KontorQueueWorker")

    private let process: SpawnedProcess

    /// Starts a worker; it exits by itself once the queue has been empty for `idleExit`.
    init(
        location: DatabaseLocation,
        log: URL,
        owner: String,
        jobDuration: Duration,
        idleExit: Duration = .seconds(1),
        leaseDuration: Duration = .seconds(5)
    ) throws {
        let binary = try #require(Self.binary, "KontorQueueWorker not built: run swift build --build-tests")
        let database =
            switch location {
            case .sqlite(let path): path
            case .postgres(let url): url
            }
        process = try SpawnedProcess(
            binary,
            arguments: [
                database, log.path, owner, "\(jobDuration.wholeMilliseconds)", "\(idleExit.wholeMilliseconds)",
                "\(leaseDuration.wholeMilliseconds)", "90",
            ],
            standardError: .inherited
        )
    }

    /// Waits (polling, at most `timeout`) for the worker to exit; returns its exit status or `nil` on timeout.
    func waitForExit(timeout: Duration = .seconds(100)) async -> Int32? {
        await process.waitForExit(timeout: timeout)
    }

    /// Kills the worker with SIGKILL, as a crash would, and waits for it to be gone.
    func crash() async {
        process.send(SIGKILL)
        _ = await process.waitForExit(timeout: .seconds(10))
    }

    /// Terminates a worker still running (at the end of a failed test).
    func stop() {
        process.send(SIGKILL)
    }

    /// The runs recorded in the log so far.
    static func runs(in log: URL) throws -> [Run] {
        guard let data = FileManager.default.contents(atPath: log.path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count == 5, let job = Int64(fields[2]), let start = Int64(fields[3]),
                let end = Int64(fields[4])
            else { return nil }
            return Run(owner: fields[0], tenant: fields[1], job: job, start: start, end: end)
        }
    }
}

extension Duration {
    /// The duration in whole milliseconds.
    var wholeMilliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
