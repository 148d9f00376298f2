import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// The key management page: more keys per organization, revocation and rotation, and what they do to the
/// event subscriptions a key created.
@Suite(.timeLimit(.minutes(1)))
struct APIKeyTests {
    private static func subscribe(_ client: LexofficeClient, path: String) async throws -> LexofficeID {
        try await client.eventSubscriptions.create(
            NewEventSubscription(eventType: .contactCreated, callbackUrl: "http://127.0.0.1:9/\(path)")
        ).id
    }

    private static func issuedKey(
        _ response: (status: Int, headers: [String: String], json: JSONValue?, text: String)
    )
        throws -> String
    {
        #expect(response.status == 201)
        return try #require(response.json?["apiKey"]?.stringValue)
    }

    @Test("a revoked key answers 401 and its subscriptions are deleted; other keys keep theirs")
    func revoke() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let second = try Self.issuedKey(try await SandboxHarness.admin(server, "api-keys"))
            let secondClient = SandboxHarness.client(for: server, apiKey: second)
            let firstProfile = try await client.profile()
            let secondProfile = try await secondClient.profile()
            #expect(secondProfile.organizationId == firstProfile.organizationId)
            #expect(secondProfile.connectionId != firstProfile.connectionId, "each key is a connection of its own")

            let kept = try await Self.subscribe(client, path: "first")
            _ = try await Self.subscribe(secondClient, path: "second")
            #expect(try await client.eventSubscriptions.list().count == 2)
            #expect(try await SandboxHarness.admin(server, "api-keys/revoke", apiKey: second).status == 204)

            let unauthorized = await #expect(throws: LexofficeError.self) { try await secondClient.profile() }
            #expect(unauthorized?.status == 401)
            #expect(try await client.eventSubscriptions.list().map(\.subscriptionId) == [kept])
            #expect(try await SandboxHarness.admin(server, "api-keys/revoke", apiKey: second).status == 401)
        }
    }

    @Test("rotating a key issues a new one, invalidates the old one and drops its subscriptions")
    func rotate() async throws {
        try await SandboxHarness.withSandbox { server, client in
            _ = try await Self.subscribe(client, path: "hooks")
            let renewed = try Self.issuedKey(try await SandboxHarness.admin(server, "api-keys/rotate"))
            #expect(renewed != server.defaultAPIKey)
            let old = await #expect(throws: LexofficeError.self) { try await client.profile() }
            #expect(old?.status == 401)
            let renewedClient = SandboxHarness.client(for: server, apiKey: renewed)
            #expect(try await renewedClient.profile().organizationId == server.defaultOrganizationID)
            #expect(try await renewedClient.eventSubscriptions.list().isEmpty, "re-subscribe after a new key")
        }
    }
}
