import Foundation

/// A built executable run as its own process by a test or benchmark: its standard output collected in a file
/// (read back by polling: simpler and sturdier than a pipe reader, and it never blocks a thread), its memory
/// read from `/proc`.
package final class ChildProcess: Sendable {
    /// Why a child process could not be started or did not print what was awaited.
    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    private let process: SpawnedProcess
    private let outputFile: URL

    /// Starts `executable` with `arguments` in `folder`, the environment extended by `environment`.
    package init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:], in folder: URL) throws {
        outputFile = folder.appendingPathComponent("\(arguments.first ?? "process")-\(UUID().uuidString).log")
        do {
            process = try SpawnedProcess(
                executable,
                arguments: arguments,
                environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new },
                currentDirectory: folder,
                standardOutput: .file(outputFile.path)
            )
        } catch {
            throw Failure(description: "cannot start \(executable.path): \(error)")
        }
    }

    /// Everything the process printed so far.
    package var printed: String {
        (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    }

    /// Whether the process still runs.
    package var isRunning: Bool { process.isRunning }

    /// Waits (at most `timeout`) until the process printed a line containing `marker`, and returns that line.
    package func line(containing marker: String, timeout: Duration = .seconds(60)) async throws -> String {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline, process.isRunning {
            if let line = printed.split(separator: "\n").first(where: { $0.contains(marker) }) {
                return String(line)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(description: "the process did not print '\(marker)'; it printed: \(printed)")
    }

    /// The resident set size in bytes (`VmRSS` in `/proc/<pid>/status`).
    package func residentBytes() throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else {
            throw Failure(description: "no VmRSS for process \(process.processIdentifier)")
        }
        return kilobytes * 1024
    }

    /// The processor time the process used so far, in user and kernel mode together (`utime` + `stime` in
    /// `/proc/<pid>/stat`; as precise as the clock tick, usually 10 ms).
    package func processorTime() throws -> Duration {
        let stat = try String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8)
        // The fields after the command name, which is in parentheses and may itself contain spaces: state is the
        // first of them, utime and stime the 12th and 13th (fields 14 and 15 of proc(5)).
        guard let nameEnd = stat.lastIndex(of: ")") else {
            throw Failure(description: "cannot read /proc/\(process.processIdentifier)/stat")
        }
        let fields = stat[stat.index(after: nameEnd)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let kernel = Int(fields[12]) else {
            throw Failure(description: "no utime and stime in /proc/\(process.processIdentifier)/stat")
        }
        return .seconds(user + kernel) / sysconf(Int32(_SC_CLK_TCK))
    }

    /// Sends SIGINT and waits (at most 30 s) for the process to end; kills it when it does not.
    package func stop() async {
        process.send(SIGINT)
        if await process.waitForExit(timeout: .seconds(30)) == nil { process.send(SIGKILL) }
    }

    /// Sends SIGTERM, as a service manager stopping it would, and waits (at most `timeout`) for the process to end.
    /// - Returns: Its termination status, or `nil` when it did not end in time (then it is killed).
    package func shutDown(timeout: Duration = .seconds(30)) async -> Int32? {
        process.send(SIGTERM)
        let status = await process.waitForExit(timeout: timeout)
        if status == nil { process.send(SIGKILL) }
        return status
    }

    /// Kills the process with SIGKILL, as a crash would, and waits (at most 10 s) for it to be gone.
    package func crash() async {
        process.send(SIGKILL)
        _ = await process.waitForExit(timeout: .seconds(10))
    }

    /// Kills the process with SIGKILL without waiting (for `defer` blocks after a failed test).
    package func terminate() {
        process.send(SIGKILL)
    }
}
