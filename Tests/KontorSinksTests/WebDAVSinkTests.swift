import AsyncHTTPClient
import Foundation
import KontorFlows
import KontorSinks
import LexofficeKit
import Testing

/// The WebDAV sink against a real WebDAV server (`rclone serve webdav`) started per test on a free port.
@Suite(
    .enabled(if: RcloneWebDAV.executable != nil, "rclone is not installed (apt-get install rclone)"),
    .timeLimit(.minutes(1))
)
struct WebDAVSinkTests {
    @Test("creates the folders, puts the files, and replaces them on a second write")
    func writesAndOverwrites() async throws {
        try await RcloneWebDAV.with { server in
            try await withSinkHTTPClient { httpClient in
                let configuration = try WebDAVConfiguration(
                    baseURL: server.baseURL,
                    username: "u",
                    password: Secret("p")
                )
                let sink = WebDAVSink(configuration: configuration, httpClient: httpClient)
                let open = ArchiveDocument.fixture(number: "RE 1001", status: "open")
                let keys = try await sink.write(open)
                #expect(
                    keys.map(\.key) == [
                        "acme/2026/invoice/RE 1001.pdf", "acme/2026/invoice/RE 1001.xml",
                        "acme/2026/invoice/RE 1001.json",
                    ]
                )
                #expect(server.contents(of: "acme/2026/invoice/RE 1001.pdf") == open.pdf)
                #expect(server.contents(of: "acme/2026/invoice/RE 1001.xml") == open.xml)

                let paid = ArchiveDocument.fixture(number: "RE 1001", status: "paid")
                // A fresh sink knows no folders: every MKCOL answers "exists" and counts as success.
                #expect(try await WebDAVSink(configuration: configuration, httpClient: httpClient).write(paid) == keys)
                #expect(
                    server.allFiles() == [
                        "acme/2026/invoice/RE 1001.json", "acme/2026/invoice/RE 1001.pdf",
                        "acme/2026/invoice/RE 1001.xml",
                    ]
                )
                #expect(server.contents(of: "acme/2026/invoice/RE 1001.json") == paid.metadata)
            }
        }
    }

    @Test("recreates a folder removed behind the sink's back")
    func recreatesRemovedFolder() async throws {
        try await RcloneWebDAV.with { server in
            try await withSinkHTTPClient { httpClient in
                let configuration = try WebDAVConfiguration(
                    baseURL: server.baseURL,
                    username: "u",
                    password: Secret("p")
                )
                let sink = WebDAVSink(configuration: configuration, httpClient: httpClient)
                _ = try await sink.write(.fixture(number: "RE-1"))
                try FileManager.default.removeItem(atPath: server.folder.path + "/data/acme")
                _ = try await sink.write(.fixture(number: "RE-2", withXML: false))
                #expect(server.allFiles() == ["acme/2026/invoice/RE-2.json", "acme/2026/invoice/RE-2.pdf"])
            }
        }
    }

    @Test("a wrong password and a missing base folder are permanent errors")
    func permanentErrors() async throws {
        try await RcloneWebDAV.with { server in
            try await withSinkHTTPClient { httpClient in
                let wrong = WebDAVSink(
                    configuration: try WebDAVConfiguration(
                        baseURL: server.baseURL,
                        username: "u",
                        password: Secret("wrong")
                    ),
                    httpClient: httpClient
                )
                let denied = await #expect(throws: ArchiveSinkError.self) { try await wrong.write(.fixture()) }
                #expect(denied?.code == .accessDenied)
                #expect(denied?.httpStatus == 401)
                #expect(denied?.isRetryable == false)

                let missing = WebDAVSink(
                    configuration: try WebDAVConfiguration(
                        baseURL: server.baseURL + "not-there/",
                        username: "u",
                        password: Secret("p")
                    ),
                    httpClient: httpClient
                )
                let folder = await #expect(throws: ArchiveSinkError.self) { try await missing.write(.fixture()) }
                #expect(folder?.code == .destinationMissing)
                #expect(server.allFiles().isEmpty)
            }
        }
    }
}
