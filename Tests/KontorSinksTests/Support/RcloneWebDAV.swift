import Foundation
import KontorTestSupport

/// A real WebDAV server for the WebDAV sink tests: `rclone serve webdav` (Debian `rclone`) on a free port,
/// serving a fresh folder with Basic authentication (user `u`, password `p`).
struct RcloneWebDAV {
    static let executable = ExternalServer.executable(named: "rclone")

    /// `http://127.0.0.1:PORT/`.
    let baseURL: String
    /// The server's work folder; it serves `data/` in it, and the test reads written files straight from disk.
    let folder: TemporaryFolder

    /// Starts the server, runs `body`, stops the server.
    static func with<Result>(_ body: (RcloneWebDAV) async throws -> Result) async throws -> Result {
        try await ExternalServer.with(
            "rclone",
            arguments: [
                "serve", "webdav", "{folder}/data", "--addr", "127.0.0.1:{port}", "--user", "u", "--pass", "p",
                "--config", "{folder}/rclone.conf",
            ]
        ) { server in
            try await body(
                RcloneWebDAV(baseURL: server.baseURL + "/", folder: TemporaryFolder(wrapping: server.folder))
            )
        }
    }

    /// The contents of the file at `relative` below the served folder.
    func contents(of relative: String) -> Data? {
        folder.contents(of: "data/" + relative)
    }

    /// Every file below the served folder.
    func allFiles() -> [String] {
        folder.allFiles().filter { $0.hasPrefix("data/") }.map { String($0.dropFirst("data/".count)) }
    }
}
