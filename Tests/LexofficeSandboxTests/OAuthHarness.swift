import AsyncHTTPClient
import Foundation
import LexofficeKit
import LexofficeSandbox
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Testing

/// A sandbox for OAuth2 tests: the demo client's SDK configuration, a "browser" that does not follow redirects,
/// and a helper per step of the authorization-code flow.
struct OAuthHarness {
    /// A loopback redirect URI the demo client accepts; nothing listens there (the test reads `Location`).
    static let redirectURI = "http://127.0.0.1:9/callback"

    /// One answer as a browser sees it.
    struct BrowserAnswer {
        var status: Int
        var location: String?
        var contentType: String?
        var text: String
    }

    let server: SandboxServer
    let browser: HTTPClient

    /// Runs `body` with a sandbox (rate limit off unless configured) and a browser, shutting both down after.
    static func withSandbox<Result: Sendable>(
        _ configuration: SandboxConfiguration = SandboxConfiguration(rateLimit: nil, oauthAutoApprove: true),
        body: (OAuthHarness) async throws -> Result
    ) async throws -> Result {
        let browser = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: .init(redirectConfiguration: .disallow)
        )
        do {
            let result = try await SandboxServer.withRunningServer(configuration) { server in
                try await body(OAuthHarness(server: server, browser: browser))
            }
            try await browser.shutdown()
            return result
        } catch {
            try? await browser.shutdown()
            throw error
        }
    }

    /// The server root, where `/oauth2/...` lives.
    var root: String { String(server.baseURL.dropLast("/v1".count)) }

    /// LexofficeKit's OAuth2 client for the demo application (refreshing only when a token has expired).
    func oauthClient(secret: String = "kontor-demo-secret") -> OAuth2Client {
        OAuth2Client(
            configuration: OAuth2Configuration(
                clientID: "kontor-demo",
                clientSecret: Secret(secret),
                redirectURI: Self.redirectURI,
                authorizationEndpoint: root + "/oauth2/authorize",
                tokenEndpoint: root + "/oauth2/token",
                revocationEndpoint: root + "/oauth2/revoke",
                refreshMargin: .zero
            )
        )
    }

    /// A `GET`, or a form `POST` when `form` is given, without following redirects.
    func browse(_ url: String, form: [(String, String)]? = nil) async throws -> BrowserAnswer {
        var request = HTTPClientRequest(url: url)
        if let form {
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            let body = form.map { QueryEncoding.percentEncode($0.0) + "=" + QueryEncoding.percentEncode($0.1) }
            request.body = .bytes(ByteBuffer(string: body.joined(separator: "&")))
        }
        let response = try await browser.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1024 * 1024)
        return BrowserAnswer(
            status: Int(response.status.code),
            location: response.headers.first(name: "Location"),
            contentType: response.headers.first(name: "Content-Type"),
            text: String(buffer: body)
        )
    }

    /// The query parameters of a redirect's `Location`.
    static func parameters(of location: String?) throws -> [String: String] {
        let components = try #require(location.flatMap(URLComponents.init(string:)))
        return Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") },
            uniquingKeysWith: { first, _ in first }
        )
    }

    /// Authorizes with auto-approve on and returns the code from the redirect.
    func authorizationCode(scopes: [String], state: String = "csrf-123") async throws -> String {
        let answer = try await browse(oauthClient().authorizationURL(scopes: scopes, state: state))
        #expect(answer.status == 302)
        let parameters = try Self.parameters(of: answer.location)
        #expect(parameters["state"] == state)
        return try #require(parameters["code"])
    }

    /// A fresh connection: authorize (auto-approve) and exchange the code.
    func connect(scopes: [String]) async throws -> OAuth2Token {
        try await oauthClient().exchange(code: authorizationCode(scopes: scopes))
    }

    /// A LexofficeKit client using (and refreshing) `token`.
    func apiClient(
        _ token: OAuth2Token,
        onRefresh: @escaping @Sendable (OAuth2Token) async throws -> Void = { _ in }
    ) -> (LexofficeClient, OAuth2TokenProvider) {
        let provider = OAuth2TokenProvider(
            token: token,
            client: oauthClient(),
            connectionKey: "test",
            onRefresh: onRefresh
        )
        let client = LexofficeClient(
            configuration: LexofficeClientConfiguration(
                baseURL: server.baseURL,
                requestTimeout: .seconds(10),
                requestsPerSecond: 0,
                retryPolicy: .none
            ),
            credentials: provider,
            pacerRegistry: RequestPacerRegistry()
        )
        return (client, provider)
    }
}
