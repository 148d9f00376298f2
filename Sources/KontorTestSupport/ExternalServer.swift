import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// An external server program (moto, rclone, …) on 127.0.0.1 and a free port, started by a test and stopped when
/// the test's body ends.
package struct ExternalServer: Sendable {
    /// Why a server is not there: its program is not installed, it ended, or it did not answer in time.
    package struct Unavailable: Error, CustomStringConvertible {
        package let description: String

        package init(_ description: String) {
            self.description = description
        }
    }

    /// `http://127.0.0.1:PORT`.
    package let baseURL: String
    /// The server's work folder: new, with an empty `data` folder; removed when the server stops.
    package let folder: URL

    /// The executable `name` on `PATH`, or `nil` when it is not installed.
    package static func executable(named name: String) -> URL? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return folders.lazy
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Starts the program `tool` (a name on `PATH`) with `arguments` (`{port}` replaced by a free port, `{folder}` by
    /// the work folder) and waits, at most `timeout`, until it answers HTTP at all on `readinessPath`; runs `body`;
    /// stops the server.
    package static func with<Result>(
        _ tool: String,
        environment: [String: String] = [:],
        readinessPath: String = "/",
        timeout: Duration = .seconds(30),
        arguments: [String],
        _ body: (ExternalServer) async throws -> Result
    ) async throws -> Result {
        guard let executable = executable(named: tool) else { throw Unavailable("\(tool) is not installed") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-\(tool)-\(UUID())")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("data"),
            withIntermediateDirectories: true
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        // A port that is free now: bound without listening, then released for the server.
        let reserved = try RefusingPort()
        let port = reserved.port
        reserved.close()
        let process = try ChildProcess(
            executable,
            arguments.map {
                $0.replacingOccurrences(of: "{port}", with: "\(port)")
                    .replacingOccurrences(of: "{folder}", with: folder.path)
            },
            environment: environment,
            in: folder
        )
        let server = ExternalServer(baseURL: "http://127.0.0.1:\(port)", folder: folder)
        do {
            try await server.waitUntilAnswering(process, on: readinessPath, timeout: timeout, tool: tool)
            let result = try await body(server)
            await process.stop()
            return result
        } catch {
            await process.stop()
            throw error
        }
    }

    private func waitUntilAnswering(
        _ process: ChildProcess,
        on path: String,
        timeout: Duration,
        tool: String
    ) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw Unavailable("\(tool) ended: \(process.printed)") }
            var request = HTTPClientRequest(url: baseURL + path)
            request.method = .HEAD
            if (try? await HTTPClient.shared.execute(request, timeout: .seconds(2))) != nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Unavailable("\(tool) did not answer at \(baseURL) within \(timeout): \(process.printed)")
    }
}
