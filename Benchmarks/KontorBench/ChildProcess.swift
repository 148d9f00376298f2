import Foundation

/// A `kontor` command run as its own process by a benchmark: its output collected, its memory read from `/proc`.
final class ChildProcess: Sendable {
    private let process: Process
    /// The file the process prints to (read back by polling: simpler and sturdier than a pipe reader).
    private let outputFile: URL

    /// Starts the `kontor` binary built next to this benchmark with `arguments` and `environment` added.
    /// - Throws: ``BenchmarkFailure`` when the binary is missing (build it: `swift build -c release`).
    init(kontor arguments: [String], environment: [String: String] = [:], in folder: URL) throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("kontor")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw BenchmarkFailure(description: "\(binary.path) is missing: run `swift build -c release` first")
        }
        process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        outputFile = folder.appendingPathComponent("\(arguments.first ?? "kontor")-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: outputFile.path, contents: nil),
            let output = FileHandle(forWritingAtPath: outputFile.path)
        else {
            throw BenchmarkFailure(description: "cannot create \(outputFile.path)")
        }
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Everything the process printed so far.
    var printed: String {
        (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    }

    /// Waits (at most `timeout`) until the process printed a line containing `marker`, and returns that line.
    func line(containing marker: String, timeout: Duration = .seconds(60)) async throws -> String {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline, process.isRunning {
            if let line = printed.split(separator: "\n").first(where: { $0.contains(marker) }) {
                return String(line)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchmarkFailure(description: "the process did not print '\(marker)'; it printed: \(printed)")
    }

    /// The resident set size in bytes (`VmRSS` in `/proc/<pid>/status`).
    func residentBytes() throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else {
            throw BenchmarkFailure(description: "no VmRSS for process \(process.processIdentifier)")
        }
        return kilobytes * 1024
    }

    /// Sends SIGINT and waits (at most 30 s) for the process to end; kills it when it does not.
    func stop() async {
        process.interrupt()
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
