import AsyncHTTPClient
import Foundation
import KontorFlows
import KontorSinks
import KontorTestSupport
import LexofficeKit
import Synchronization
import Testing

/// What the WebDAV sink sends and how it treats answers, against a scripted server or a refusing port.
@Suite(.timeLimit(.minutes(1)))
struct WebDAVRequestTests {
    @Test("a server that does not answer is retryable")
    func unreachable() async throws {
        let port = try RefusingPort()
        defer { port.close() }
        try await withSinkHTTPClient { httpClient in
            // AsyncHTTPClient retries a refused connection until the deadline: keep it short.
            let sink = WebDAVSink(
                configuration: try WebDAVConfiguration(
                    baseURL: "http://127.0.0.1:\(port.port)/dav/",
                    timeout: .seconds(1)
                ),
                httpClient: httpClient
            )
            let error = await #expect(throws: ArchiveSinkError.self) { try await sink.write(.fixture()) }
            #expect(error?.code == .unavailable)
            #expect(error?.isRetryable == true)
        }
    }

    @Test("a redirect is reported, not followed")
    func redirectNotFollowed() async throws {
        try await ScriptedHTTPServer.withServer(
            .replying { request in
                request.method == "MKCOL"
                    ? .respond(status: 201, headers: [], body: [])
                    : .respond(status: 302, headers: [("Location", "http://127.0.0.1:1/elsewhere")], body: [])
            }
        ) { server in
            try await withSinkHTTPClient { httpClient in
                let sink = WebDAVSink(
                    configuration: try WebDAVConfiguration(
                        baseURL: server.baseURL + "/dav/",
                        username: "u",
                        password: Secret("p")
                    ),
                    httpClient: httpClient
                )
                let error = await #expect(throws: ArchiveSinkError.self) { try await sink.write(.fixture()) }
                #expect(error?.code == .rejected)
                #expect(server.requests.map(\.method) == ["MKCOL", "MKCOL", "MKCOL", "PUT"])
                #expect(server.requests.first?.header("authorization") == "Basic dTpw")
            }
        }
    }

    @Test("creates the folders again when a PUT finds its folder gone (409), then puts once more")
    func recreatesFoldersOnConflict() async throws {
        let puts = Mutex(0)
        try await ScriptedHTTPServer.withServer(
            .replying { request in
                guard request.method == "PUT" else { return .respond(status: 201, headers: [], body: []) }
                let count = puts.withLock { count in
                    count += 1
                    return count
                }
                return .respond(status: count == 1 ? 409 : 201, headers: [], body: [])
            }
        ) { server in
            try await withSinkHTTPClient { httpClient in
                let sink = WebDAVSink(
                    configuration: try WebDAVConfiguration(baseURL: server.baseURL + "/dav/"),
                    httpClient: httpClient
                )
                _ = try await sink.write(.fixture(withXML: false))
                #expect(
                    server.requests.map(\.method) == [
                        "MKCOL", "MKCOL", "MKCOL", "PUT", "MKCOL", "MKCOL", "MKCOL", "PUT", "PUT",
                    ]
                )
                #expect(server.requests.last?.uri == "/dav/acme/2026/invoice/RE-1001.json")
            }
        }
    }
}
