import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A real storage server for the archive's flow and crash tests (an ``ExternalServer``), started on 127.0.0.1 and a
/// free port and stopped after the test: `moto_server` (PyPI `moto[server]`, S3 that accepts any credentials) or `rclone serve webdav`
/// (Debian `rclone`, user `u`, password `p`). The sink suite (`KontorSinksTests`) tests each sink in depth; this one
/// gives the flows all of them at once.
package struct StorageServer: Sendable {
    /// `http://127.0.0.1:PORT`.
    package let baseURL: String
    /// The server's work folder (rclone serves its `data/` folder).
    package let folder: URL

    /// Runs `body` with moto serving S3 and a bucket `bucket` made in it.
    package static func withMoto<Result>(
        bucket: String,
        _ body: (StorageServer) async throws -> Result
    ) async throws -> Result {
        try await ExternalServer.with(
            "moto_server",
            readinessPath: "/moto-api/",
            arguments: ["-H", "127.0.0.1", "-p", "{port}"]
        ) { server in
            var request = HTTPClientRequest(url: server.baseURL + "/" + bucket)
            request.method = .PUT
            let made = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            guard made.status == .ok else { throw ExternalServer.Unavailable("moto did not make the bucket") }
            return try await body(StorageServer(baseURL: server.baseURL, folder: server.folder))
        }
    }

    /// Runs `body` with rclone serving `folder/data` over WebDAV.
    package static func withWebDAV<Result>(_ body: (StorageServer) async throws -> Result) async throws -> Result {
        try await ExternalServer.with(
            "rclone",
            arguments: [
                "serve", "webdav", "{folder}/data", "--addr", "127.0.0.1:{port}", "--user", "u", "--pass", "p",
                "--config", "{folder}/rclone.conf",
            ]
        ) { server in
            try await body(StorageServer(baseURL: server.baseURL, folder: server.folder))
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
