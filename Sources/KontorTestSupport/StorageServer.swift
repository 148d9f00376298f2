import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A real storage server for the archive's flow and crash tests, started on 127.0.0.1 and a free port and stopped
/// after the test: `moto_server` (PyPI `moto[server]`, S3 that accepts any credentials) or `rclone serve webdav`
/// (Debian `rclone`, user `u`, password `p`). The sink suite (`KontorSinksTests`) tests each sink in depth; this one
/// gives the flows all of them at once.
package struct StorageServer: Sendable {
    /// Why a server is not there.
    package struct Unavailable: Error, CustomStringConvertible {
        package let description: String
    }

    /// `http://127.0.0.1:PORT`.
    package let baseURL: String
    /// The server's work folder (rclone serves its `data/` folder).
    package let folder: URL

    /// Runs `body` with moto serving S3 and a bucket `bucket` made in it.
    package static func withMoto<Result>(
        bucket: String,
        _ body: (StorageServer) async throws -> Result
    ) async throws -> Result {
        try await with("moto_server", arguments: ["-H", "127.0.0.1", "-p", "{port}"], readiness: "/moto-api/") {
            server in
            var request = HTTPClientRequest(url: server.baseURL + "/" + bucket)
            request.method = .PUT
            let made = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            guard made.status == .ok else { throw Unavailable(description: "moto did not make the bucket") }
            return try await body(server)
        }
    }

    /// Runs `body` with rclone serving `folder/data` over WebDAV.
    package static func withWebDAV<Result>(_ body: (StorageServer) async throws -> Result) async throws -> Result {
        try await with(
            "rclone",
            arguments: [
                "serve", "webdav", "{folder}/data", "--addr", "127.0.0.1:{port}", "--user", "u", "--pass", "p",
                "--config", "{folder}/rclone.conf",
            ],
            readiness: "/",
            body
        )
    }

    private static func with<Result>(
        _ tool: String,
        arguments: [String],
        readiness: String,
        _ body: (StorageServer) async throws -> Result
    ) async throws -> Result {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(tool) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        guard let path else { throw Unavailable(description: "\(tool) is not installed") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-\(tool)-\(UUID())")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("data"),
            withIntermediateDirectories: true
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let reserved = try RefusingPort()
        let port = reserved.port
        reserved.close()
        let process = try ChildProcess(
            path,
            arguments.map {
                $0.replacingOccurrences(of: "{port}", with: "\(port)").replacingOccurrences(
                    of: "{folder}",
                    with: folder.path
                )
            },
            in: folder
        )
        let server = StorageServer(baseURL: "http://127.0.0.1:\(port)", folder: folder)
        do {
            let answering = try await eventually(timeout: .seconds(30)) {
                guard process.isRunning else { throw Unavailable(description: "\(tool) ended: \(process.printed)") }
                var request = HTTPClientRequest(url: server.baseURL + readiness)
                request.method = .HEAD
                return (try? await HTTPClient.shared.execute(request, timeout: .seconds(2))) != nil
            }
            guard answering else { throw Unavailable(description: "\(tool) did not answer: \(process.printed)") }
            let result = try await body(server)
            await process.stop()
            return result
        } catch {
            await process.stop()
            throw error
        }
    }
}

extension StorageServer {
    /// The object keys in this moto's bucket `bucket` (up to 1,000), sorted.
    package func objectKeys(bucket: String) async throws -> [String] {
        let response = try await HTTPClient.shared.execute(
            HTTPClientRequest(url: baseURL + "/\(bucket)?list-type=2"),
            timeout: .seconds(10)
        )
        let listing = String(buffer: try await response.body.collect(upTo: 1 << 20))
        return listing.components(separatedBy: "<Key>").dropFirst().compactMap {
            $0.components(separatedBy: "</Key>").first
        }
        .sorted()
    }
}
