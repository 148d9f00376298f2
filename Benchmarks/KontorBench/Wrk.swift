import Foundation
import KontorTestSupport

/// The load generator `wrk` (Debian package `wrk`), run as a second process against loopback.
struct Wrk {
    /// What one run measured.
    struct Result {
        /// Completed requests per second.
        var requestsPerSecond: Double
        /// The 99th percentile latency in milliseconds.
        var p99Milliseconds: Double
        /// Completed requests.
        var requests: Int
    }

    private let executable: String

    /// The installed wrk, or `nil` when it is not installed.
    init?() {
        guard let path = ["/usr/bin/wrk", "/usr/local/bin/wrk"].first(where: FileManager.default.isExecutableFile)
        else { return nil }
        executable = path
    }

    /// Runs wrk with `arguments` (`--latency` is added) and the Lua `script`, if any, and reads its figures.
    /// - Throws: ``BenchmarkFailure`` when wrk prints no figures or any answer was not 2xx/3xx: a figure of
    ///   failing requests would mean nothing.
    func run(_ arguments: [String], script: String? = nil) async throws -> Result {
        var scriptArguments: [String] = []
        if let script {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-bench-\(UUID()).lua")
            try Data(script.utf8).write(to: file)
            scriptArguments = ["-s", file.path]
        }
        defer { if let path = scriptArguments.last { try? FileManager.default.removeItem(atPath: path) } }
        // Waited for without blocking a thread of the concurrency pool: the server measured may run in this process,
        // and Hummingbird answers on that pool (blocking one of its 2 threads here had cost a third of the rate).
        let text = try await SpawnedProcess.runToCompletion(
            URL(fileURLWithPath: executable),
            arguments: ["--latency"] + scriptArguments + arguments,
            timeout: .seconds(300)
        )
        .output
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard
            let rate = lines.first(where: { $0.hasPrefix("Requests/sec:") })?.split(separator: " ").last
                .flatMap({ Double($0) }),
            let p99 = lines.first(where: { $0.hasPrefix("99%") })?.split(separator: " ").last
                .flatMap(Self.milliseconds),
            let requests = lines.first(where: { $0.contains(" requests in ") })?.split(separator: " ").first
                .flatMap({ Int($0) })
        else {
            throw BenchmarkFailure(description: "wrk printed no request count, Requests/sec or 99% line: \(text)")
        }
        if let failed = lines.first(where: { $0.hasPrefix("Non-2xx or 3xx responses:") }) {
            throw BenchmarkFailure(description: "the server answered errors under load (\(failed))")
        }
        return Result(requestsPerSecond: rate, p99Milliseconds: p99, requests: requests)
    }

    /// `850.00us`, `1.25ms` or `2.00s` in milliseconds.
    private static func milliseconds(_ text: Substring) -> Double? {
        for (unit, factor) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where text.hasSuffix(unit) {
            return Double(text.dropLast(unit.count)).map { $0 * factor }
        }
        return nil
    }
}

/// A benchmark that could not measure.
struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
}
