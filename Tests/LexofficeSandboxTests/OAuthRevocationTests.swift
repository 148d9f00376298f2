import Foundation
import KontorTestSupport
import LexofficeKit
import LexofficeSandbox
import Testing

/// Revoking an OAuth connection: tokens stop working, `token.revoked` names the connection, its subscriptions end.
@Suite(.timeLimit(.minutes(1)))
struct OAuthRevocationTests {
    private static let scopes = ["profile.read", "event-subscriptions.read", "event-subscriptions.write"]

    @Test("revoking the refresh token announces token.revoked with the connection id and ends the connection")
    func revoke() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(200, "{}") }) { receiver in
            try await OAuthHarness.withSandbox { sandbox in
                let token = try await sandbox.connect(scopes: Self.scopes)
                let (client, _) = sandbox.apiClient(token)
                _ = try await client.eventSubscriptions.create(
                    NewEventSubscription(eventType: .tokenRevoked, callbackUrl: receiver.baseURL + "/hooks")
                )
                let connectionID = try #require(try await client.profile().connectionId)

                try await sandbox.oauthClient().revoke(try #require(token.refreshToken))

                #expect(try await eventually { receiver.requests.count == 1 })
                let callback = try JSONDecoder().decode(
                    WebhookCallback.self,
                    from: Data(try #require(receiver.requests.first).body)
                )
                #expect(callback.eventType == .tokenRevoked)
                #expect(callback.resourceId == connectionID)
                let after = try await SandboxHarness.send(
                    "GET",
                    sandbox.server.baseURL + "/profile",
                    apiKey: token.accessToken.revealed
                )
                #expect(after.status == 401)
                let refresh = try await #require(throws: LexofficeError.self) {
                    try await sandbox.oauthClient().refresh(try #require(token.refreshToken))
                }
                #expect(refresh.detail.contains("invalid_grant"))
                let apiKey = SandboxHarness.client(for: sandbox.server, apiKey: sandbox.server.defaultAPIKey)
                #expect(try await apiKey.eventSubscriptions.list().isEmpty, "the connection's subscriptions are gone")
            }
        }
    }

    @Test("POST /v1/revoke with the bearer access token ends its connection; an API key cannot be revoked there")
    func revokeWithAccessToken() async throws {
        try await OAuthHarness.withSandbox { sandbox in
            let token = try await sandbox.connect(scopes: Self.scopes)
            let url = sandbox.server.baseURL + "/revoke"
            let revoked = try await SandboxHarness.send("POST", url, apiKey: token.accessToken.revealed)
            #expect(revoked.status == 204)
            let ping = try await SandboxHarness.send(
                "GET",
                sandbox.server.baseURL + "/ping",
                apiKey: token.accessToken.revealed
            )
            #expect(ping.status == 401)
            let withKey = try await SandboxHarness.send("POST", url, apiKey: sandbox.server.defaultAPIKey)
            #expect(withKey.status == 400)
        }
    }
}
