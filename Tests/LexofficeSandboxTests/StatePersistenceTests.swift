import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// `--state FILE`: data survives a restart; a broken file stops the start with the file named.
@Suite(.timeLimit(.minutes(1)))
struct StatePersistenceTests {
    private static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-state-\(UUID().uuidString)/state.json")
            .path
    }

    @Test("contacts, invoices, numbering and the default key survive a restart")
    func restart() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let configuration = SandboxConfiguration(rateLimit: nil, stateFile: path)
        typealias Sales = SalesVoucherConformanceTests
        let (key, contactID, invoiceID) = try await SandboxHarness.withSandbox(configuration) { server, client in
            let contactID = try await Sales.customer(client)
            let invoiceID = try await client.invoices.create(
                try Sales.invoice([Sales.line("Wartung", 1, net: 100, rate: 19)], contactID: contactID),
                finalize: true
            ).id
            return (server.defaultAPIKey, contactID, invoiceID)
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        try await SandboxHarness.withSandbox(configuration) { server, client in
            #expect(server.defaultAPIKey == key)
            #expect(try await client.contacts.get(contactID).company?.name == "Radhaus Nord GmbH")
            #expect(try await client.invoices.get(invoiceID).voucherNumber == "RE0001")
            let next = try await client.invoices.create(try Sales.invoice([Sales.line("A", 1, net: 1, rate: 19)]))
            #expect(try await client.invoices.get(next.id).voucherNumber == "RE0002")
            let secondContact = try await Sales.customer(client)
            #expect(try await client.contacts.get(secondContact).roles.customer?.number == 10_001)
        }
    }

    @Test("OAuth connections and API keys added later survive a restart; revoked keys stay revoked")
    func grantsAndKeys() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let configuration = SandboxConfiguration(rateLimit: nil, oauthAutoApprove: true, stateFile: path)
        let (token, connectionID, added, revoked) = try await OAuthHarness.withSandbox(configuration) { sandbox in
            let token = try await sandbox.connect(scopes: ["profile.read"])
            let (client, _) = sandbox.apiClient(token)
            let connectionID = try #require(try await client.profile().connectionId)
            let added = try #require(try await SandboxHarness.admin(sandbox.server, "api-keys").json?["apiKey"])
            let revoked = try #require(try await SandboxHarness.admin(sandbox.server, "api-keys").json?["apiKey"])
            let revokeKey = try #require(revoked.stringValue)
            #expect(try await SandboxHarness.admin(sandbox.server, "api-keys/revoke", apiKey: revokeKey).status == 204)
            return (token, connectionID, try #require(added.stringValue), revokeKey)
        }
        try await OAuthHarness.withSandbox(configuration) { sandbox in
            let profile = try await SandboxHarness.send(
                "GET",
                sandbox.server.baseURL + "/profile",
                apiKey: token.accessToken.revealed
            )
            #expect(profile.status == 200, "the access token is still valid")
            #expect(profile.json?["connectionId"]?.stringValue == connectionID.rawValue)
            let refreshed = try await sandbox.oauthClient().refresh(try #require(token.refreshToken))
            #expect(!refreshed.accessToken.revealed.isEmpty)
            let url = sandbox.server.baseURL + "/profile"
            #expect(try await SandboxHarness.send("GET", url, apiKey: added).status == 200)
            #expect(try await SandboxHarness.send("GET", url, apiKey: revoked).status == 401)
        }
    }

    @Test("a file that is not a snapshot stops the start with a clear error")
    func brokenFile() throws {
        let path = Self.temporaryPath()
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true
        )
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        try Data("not json".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: SandboxStateFileError.self) {
            try SandboxServer(configuration: SandboxConfiguration(stateFile: path))
        }
        #expect(error?.path == path)
        #expect(error?.description.contains("is not a sandbox state snapshot") == true)
    }
}
