import Foundation
import KontorTestSupport
import LexofficeKit
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(1)))
struct OAuth2Tests {
    private static func configuration(_ server: ScriptedHTTPServer) -> OAuth2Configuration {
        OAuth2Configuration(
            clientID: "client-1",
            clientSecret: Secret("s3cret"),
            redirectURI: "https://hub.example/oauth/callback",
            authorizationEndpoint: server.baseURL + "/oauth2/authorize",
            tokenEndpoint: server.baseURL + "/oauth2/token",
            revocationEndpoint: server.baseURL + "/oauth2/revoke"
        )
    }

    private static func form(_ request: ScriptedHTTPServer.Request) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: String(decoding: request.body, as: UTF8.self).split(separator: "&").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
                return (parts[0], parts.count > 1 ? parts[1] : "")
            }
        )
    }

    @Test("the authorization URL carries client id, redirect URI, scopes and state")
    func authorizationURL() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(200, "{}") }) { server in
            let client = OAuth2Client(configuration: Self.configuration(server))
            let url = client.authorizationURL(scopes: ["profile.read", "contacts.write"], state: "xyz&1")
            #expect(url.hasPrefix(server.baseURL + "/oauth2/authorize?"))
            #expect(url.contains("client_id=client-1"))
            #expect(url.contains("response_type=code"))
            #expect(url.contains("redirect_uri=https%3A%2F%2Fhub.example%2Foauth%2Fcallback"))
            #expect(url.contains("scope=profile.read%20contacts.write"))
            #expect(url.contains("state=xyz%261"))
        }
    }

    @Test("code exchange and refresh post forms with Basic client authentication")
    func exchangeAndRefresh() async throws {
        let reply = ScriptedHTTPServer.Reply.json(
            200,
            #"{"access_token":"at-1","refresh_token":"rt-2","expires_in":3600,"token_type":"Bearer"}"#
        )
        try await ScriptedHTTPServer.withServer(.replying { _ in reply }) { server in
            let fixedNow = Date(timeIntervalSince1970: 1_741_600_000)
            let client = OAuth2Client(configuration: Self.configuration(server), now: { fixedNow })
            let token = try await client.exchange(code: "code-9")
            #expect(token.accessToken.revealed == "at-1")
            #expect(token.refreshToken?.revealed == "rt-2")
            #expect(token.expiresAt.date == fixedNow.addingTimeInterval(3600))
            let request = try #require(server.requests.first)
            #expect(request.path == "/oauth2/token")
            #expect(request.header("Authorization") == "Basic " + Data("client-1:s3cret".utf8).base64EncodedString())
            #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
            #expect(
                Self.form(request) == [
                    "grant_type": "authorization_code", "code": "code-9",
                    "redirect_uri": "https://hub.example/oauth/callback",
                ]
            )
            _ = try await client.refresh(Secret("rt-1"))
            #expect(Self.form(server.requests[1]) == ["grant_type": "refresh_token", "refresh_token": "rt-1"])
            try await client.revoke(Secret("rt-2"))
            #expect(server.requests[2].path == "/oauth2/revoke")
            #expect(Self.form(server.requests[2]) == ["token": "rt-2"])
        }
    }

    @Test("a rejected refresh token is unauthorized")
    func rejectedRefresh() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(400, #"{"error":"invalid_grant"}"#) }) {
            server in
            let error = await #expect(throws: LexofficeError.self) {
                try await OAuth2Client(configuration: Self.configuration(server)).refresh(Secret("rt"))
            }
            #expect(error?.code == .unauthorized)
            #expect(error?.detail.contains("invalid_grant") == true)
        }
    }

    @Test("an expiring token is refreshed once for many concurrent callers, and the new one is stored")
    func serializedRefresh() async throws {
        let refreshes = Mutex(0)
        let handler: @Sendable (ScriptedHTTPServer.Request) async -> ScriptedHTTPServer.Reply = { request in
            if request.path == "/oauth2/token" {
                let count = refreshes.withLock { count in
                    count += 1
                    return count
                }
                return .delayed(
                    .milliseconds(100),
                    .json(200, #"{"access_token":"fresh-\#(count)","refresh_token":"rt-\#(count)","expires_in":3600}"#)
                )
            }
            return .json(200, #"{"userEmail":"tom@example.org"}"#)
        }
        try await ScriptedHTTPServer.withServer(.replying(handler)) { server in
            let stored = Mutex<[String]>([])
            let provider = OAuth2TokenProvider(
                token: OAuth2Token(
                    accessToken: Secret("old"),
                    refreshToken: Secret("rt-0"),
                    expiresAt: LexofficeDateTime(Date().addingTimeInterval(60))  // inside the 300 s margin
                ),
                client: OAuth2Client(configuration: Self.configuration(server)),
                connectionKey: "tenant-1",
                onRefresh: { token in stored.withLock { $0.append(token.refreshToken?.revealed ?? "") } }
            )
            let client = TestClients.client(for: server, credentials: provider)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<5 { group.addTask { _ = try await client.ping() } }
                try await group.waitForAll()
            }
            #expect(refreshes.withLock { $0 } == 1)
            #expect(stored.withLock { $0 } == ["rt-1"])
            let pings = server.requests.filter { $0.path == "/v1/ping" }
            #expect(pings.count == 5)
            #expect(pings.allSatisfy { $0.header("Authorization") == "Bearer fresh-1" })
        }
    }

    @Test("a renewal hook decides how a token is renewed: at the token endpoint, or a token renewed elsewhere")
    func renewalHook() async throws {
        try await ScriptedHTTPServer.withServer(
            .replying { request in
                request.path == "/oauth2/token"
                    ? .json(200, #"{"access_token":"fresh","refresh_token":"rt-1","expires_in":3600}"#)
                    : .json(200, #"{"userEmail":"tom@example.org"}"#)
            }
        ) { server in
            let expiring = OAuth2Token(
                accessToken: Secret("old"),
                refreshToken: Secret("rt-0"),
                expiresAt: LexofficeDateTime(Date().addingTimeInterval(60))
            )
            let presented = Mutex<[String]>([])
            let viaEndpoint = OAuth2TokenProvider(
                token: expiring,
                client: OAuth2Client(configuration: Self.configuration(server)),
                connectionKey: "tenant-1",
                renewal: { current, refresh in
                    presented.withLock { $0.append(current.accessToken.revealed) }
                    return try await refresh(Secret("rt-stored"))
                }
            )
            let renewed = try await viaEndpoint.accessToken()
            #expect(renewed.revealed == "fresh")
            #expect(presented.withLock { $0 } == ["old"])
            let tokenRequests = server.requests.filter { $0.path == "/oauth2/token" }
            #expect(tokenRequests.map { Self.form($0)["refresh_token"] } == ["rt-stored"])

            let renewedElsewhere = OAuth2TokenProvider(
                token: expiring,
                client: OAuth2Client(configuration: Self.configuration(server)),
                connectionKey: "tenant-1",
                renewal: { _, _ in
                    OAuth2Token(
                        accessToken: Secret("from-storage"),
                        refreshToken: Secret("rt-9"),
                        expiresAt: LexofficeDateTime(Date().addingTimeInterval(3600))
                    )
                }
            )
            let taken = try await renewedElsewhere.accessToken()
            #expect(taken.revealed == "from-storage")
            #expect(server.requests.filter { $0.path == "/oauth2/token" }.count == 1, "no second renewal request")
        }
    }

    @Test("after a 401 the provider refreshes and the request is repeated once")
    func refreshAfterUnauthorized() async throws {
        let handler: @Sendable (ScriptedHTTPServer.Request) async -> ScriptedHTTPServer.Reply = { request in
            if request.path == "/oauth2/token" {
                return .json(200, #"{"access_token":"new","expires_in":3600}"#)
            }
            return request.header("Authorization") == "Bearer new"
                ? .created() : .json(401, #"{"message":"Unauthorized"}"#)
        }
        try await ScriptedHTTPServer.withServer(.replying(handler)) { server in
            let provider = OAuth2TokenProvider(
                token: OAuth2Token(
                    accessToken: Secret("revoked"),
                    refreshToken: Secret("rt"),
                    expiresAt: LexofficeDateTime(Date().addingTimeInterval(7200))
                ),
                client: OAuth2Client(configuration: Self.configuration(server)),
                connectionKey: "tenant-2"
            )
            let result = try await TestClients.client(for: server, credentials: provider).contacts.create(
                try Contact.fixture("contact-create.json")
            )
            #expect(result.version == 1)
            #expect(server.requests.map(\.path) == ["/v1/contacts", "/oauth2/token", "/v1/contacts"])
            #expect(provider.currentToken.refreshToken?.revealed == "rt", "the old refresh token is kept")
        }
    }

    @Test("an API key is not refreshed: 401 surfaces as unauthorized")
    func staticKeyUnauthorized() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .fixture("error-gateway-401.json", status: 401) }) {
            server in
            let error = await #expect(throws: LexofficeError.self) { try await TestClients.client(for: server).ping() }
            #expect(error?.code == .unauthorized)
            #expect(server.requests.count == 1)
        }
    }
}
