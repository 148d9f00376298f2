import Foundation

/// The load generator `wrk` (Debian package `wrk`), run as a second process against loopback.
struct Wrk {
    /// What one run measured.
    struct Result {
        /// Completed requests per second.
        var requestsPerSecond: Double
        /// The 99th percentile latency in milliseconds.
        var p99Milliseconds: Double
        /// Requests answered with a status outside 2xx/3xx.
        var non2xxResponses: Int
    }

    private let executable: String

    /// The installed wrk, or `nil` when it is not installed.
    init?() {
        guard let path = ["/usr/bin/wrk", "/usr/local/bin/wrk"].first(where: FileManager.default.isExecutableFile)
        else { return nil }
        executable = path
    }

    /// Runs wrk with `arguments` (`--latency` is added) and reads its figures.
    func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--latency"] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard
            let rate = lines.first(where: { $0.hasPrefix("Requests/sec:") })?.split(separator: " ").last
                .flatMap({ Double($0) }),
            let p99 = lines.first(where: { $0.hasPrefix("99%") })?.split(separator: " ").last
                .flatMap(Self.milliseconds)
        else {
            throw BenchmarkFailure(description: "wrk printed no Requests/sec or 99% line: \(text)")
        }
        let non2xx = lines.first { $0.hasPrefix("Non-2xx or 3xx responses:") }?.split(separator: " ").last
            .flatMap { Int($0) }
        return Result(requestsPerSecond: rate, p99Milliseconds: p99, non2xxResponses: non2xx ?? 0)
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
