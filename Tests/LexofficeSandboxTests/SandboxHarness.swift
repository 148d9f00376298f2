import AsyncHTTPClient
import Foundation
import LexofficeKit
import LexofficeSandbox
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// Runs a sandbox on 127.0.0.1 with a LexofficeKit client for its default organization.
enum SandboxHarness {
    /// A sandbox with the rate limit off (unless configured) and a client without pacing or retries.
    static func withSandbox<Result: Sendable>(
        _ configuration: SandboxConfiguration = SandboxConfiguration(rateLimit: nil),
        body: (SandboxServer, LexofficeClient) async throws -> Result
    ) async throws -> Result {
        try await SandboxServer.withRunningServer(configuration) { server in
            try await body(server, client(for: server, apiKey: server.defaultAPIKey))
        }
    }

    /// A client for `server` and `apiKey` with pacing and retries off, so every answer is seen as sent.
    static func client(
        for server: SandboxServer,
        apiKey: String,
        requestTimeout: Duration = .seconds(10)
    ) -> LexofficeClient {
        LexofficeClient(
            configuration: LexofficeClientConfiguration(
                baseURL: server.baseURL,
                requestTimeout: requestTimeout,
                requestsPerSecond: 0,
                retryPolicy: .none
            ),
            credentials: StaticAPIKey(apiKey),
            pacerRegistry: RequestPacerRegistry()
        )
    }

    /// A `POST` to an admin hook `/_sandbox/{path}` with `apiKey` (the default key when `nil`).
    static func admin(
        _ server: SandboxServer,
        _ path: String,
        body: String = "{}",
        apiKey: String? = nil
    ) async throws -> (status: Int, headers: [String: String], json: JSONValue?, text: String) {
        try await send(
            "POST",
            server.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/") + path,
            apiKey: apiKey ?? server.defaultAPIKey,
            body: body
        )
    }

    /// A model as the JSON text of an admin hook's body.
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try LexofficeJSON.encode(value), as: UTF8.self)
    }

    /// A raw HTTP exchange, independent of LexofficeKit's models.
    static func send(
        _ method: String,
        _ url: String,
        apiKey: String?,
        body: String? = nil,
        contentType: String? = "application/json"
    ) async throws -> (status: Int, headers: [String: String], json: JSONValue?, text: String) {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        if let apiKey { request.headers.add(name: "Authorization", value: "Bearer \(apiKey)") }
        if let body {
            if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let data = Data(buffer: try await response.body.collect(upTo: 10 * 1024 * 1024))
        let headers = Dictionary(
            response.headers.map { ($0.name.lowercased(), $0.value) },
            uniquingKeysWith: { first, _ in first }
        )
        return (
            Int(response.status.code), headers, try? JSONDecoder().decode(JSONValue.self, from: data),
            String(decoding: data, as: UTF8.self)
        )
    }
}
