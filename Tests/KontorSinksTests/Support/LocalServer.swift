import AsyncHTTPClient
import Foundation
import KontorTestSupport
import NIOCore
import NIOHTTP1

/// An external server process on 127.0.0.1 and a free port, started by a test and stopped when it ends.
struct LocalServer {
    /// Why the server did not come up.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `http://127.0.0.1:PORT`.
    let baseURL: String
    let process: ChildProcess
    let folder: TemporaryFolder

    /// Starts `tool` with `arguments` (`{port}` replaced by a free port, `{folder}` by a new temporary folder that
    /// has an empty `data` folder and receives the server's output) and waits (at most `timeout`) until it
    /// answers HTTP at all on `readinessPath`; runs `body`; stops the server.
    static func with<Result>(
        _ tool: URL,
        environment: [String: String] = [:],
        readinessPath: String = "/",
        timeout: Duration = .seconds(30),
        arguments: [String],
        _ body: (LocalServer) async throws -> Result
    ) async throws -> Result {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path + "/data", withIntermediateDirectories: false)
        // A port that is free now: bound without listening, then released for the server.
        let reserved = try RefusingPort()
        let port = reserved.port
        reserved.close()
        let process = try ChildProcess(
            tool,
            arguments.map {
                $0.replacingOccurrences(of: "{port}", with: "\(port)")
                    .replacingOccurrences(of: "{folder}", with: folder.path)
            },
            environment: environment,
            in: URL(fileURLWithPath: folder.path)
        )
        let server = LocalServer(baseURL: "http://127.0.0.1:\(port)", process: process, folder: folder)
        do {
            try await server.waitUntilAnswering(readinessPath, timeout: timeout)
            let result = try await body(server)
            await process.stop()
            return result
        } catch {
            await process.stop()
            throw error
        }
    }

    private func waitUntilAnswering(_ path: String, timeout: Duration) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw Failure(description: "the server ended: \(process.printed)") }
            var request = HTTPClientRequest(url: baseURL + path)
            request.method = .HEAD
            if (try? await HTTPClient.shared.execute(request, timeout: .seconds(2))) != nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "no answer from \(baseURL) within \(timeout): \(process.printed)")
    }
}
