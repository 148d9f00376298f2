import AsyncHTTPClient
import Foundation
import KontorFlows
import KontorSinks
import KontorTestSupport
import LexofficeKit
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
}
