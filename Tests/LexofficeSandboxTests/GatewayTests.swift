import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// The gateway in front of every endpoint: authentication, routing, media types and the rate limit.
@Suite(.timeLimit(.minutes(1)))
struct GatewayTests {
    @Test("missing or unknown API keys get 401 with the gateway body")
    func unauthorized() async throws {
        try await SandboxHarness.withSandbox { server, _ in
            for key in [nil, "wrong-key"] as [String?] {
                let response = try await SandboxHarness.send("GET", server.baseURL + "/profile", apiKey: key)
                #expect(response.status == 401)
                #expect(response.json == .object(["message": .string("Unauthorized")]))
            }
            let padded = try await SandboxHarness.send(
                "GET",
                server.baseURL + "/ping",
                apiKey: "  \(server.defaultAPIKey)"
            )
            #expect(padded.status == 200, "the whitespace after `Bearer` is not part of the key")
            let client = SandboxHarness.client(for: server, apiKey: "wrong-key")
            let error = await #expect(throws: LexofficeError.self) { try await client.profile() }
            #expect(error?.code == .unauthorized)
        }
    }

    @Test("an unknown route is 403 from the gateway, a known path with another method 405")
    func routing() async throws {
        try await SandboxHarness.withSandbox { server, _ in
            let unknown = try await SandboxHarness.send(
                "GET",
                server.baseURL + "/no-such-thing",
                apiKey: server.defaultAPIKey
            )
            #expect(unknown.status == 403)
            #expect(unknown.json?["message"]?.stringValue?.contains("Authorization header") == true)
            let contactID = UUID().uuidString.lowercased()
            let delete = try await SandboxHarness.send(
                "DELETE",
                server.baseURL + "/contacts/\(contactID)",
                apiKey: server.defaultAPIKey
            )
            #expect(delete.status == 405)
            #expect(delete.json?["IssueList"] != nil, "contacts answer in the legacy shape")
        }
    }

    @Test("a POST without JSON content type is 415")
    func mediaType() async throws {
        try await SandboxHarness.withSandbox { server, _ in
            let response = try await SandboxHarness.send(
                "POST",
                server.baseURL + "/articles",
                apiKey: server.defaultAPIKey,
                body: "{}",
                contentType: "text/plain"
            )
            #expect(response.status == 415)
            #expect(response.json?["status"] == .number(415))
        }
    }

    @Test("the token bucket answers 429 beyond the burst and does not execute the request")
    func rateLimit() async throws {
        // One token per 20 s: the burst of 2 is spent and nothing refills while the test runs, however slow the
        // machine is (at 2 rps a loaded CI machine refilled a token between two requests).
        let configuration = SandboxConfiguration(rateLimit: 0.05, rateLimitBurst: 2)
        try await SandboxHarness.withSandbox(configuration) { server, _ in
            let body = #"{"version":0,"roles":{"customer":{}},"person":{"lastName":"Beispiel"}}"#
            var statuses: [Int] = []
            for _ in 0..<3 {
                statuses.append(
                    try await SandboxHarness.send(
                        "POST",
                        server.baseURL + "/contacts",
                        apiKey: server.defaultAPIKey,
                        body: body
                    ).status
                )
            }
            #expect(statuses == [201, 201, 429])
            let limited = try await SandboxHarness.send(
                "GET",
                server.baseURL + "/contacts",
                apiKey: server.defaultAPIKey
            )
            #expect(limited.status == 429)
            #expect(limited.json == .object(["message": .string("Too Many Requests")]))
            let journal = try await SandboxHarness.send(
                "GET",
                server.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/requests"),
                apiKey: nil
            )
            guard case .array(let entries)? = journal.json else {
                Issue.record("the journal is not a JSON array")
                return
            }
            #expect(entries.compactMap { $0["status"] } == [.number(201), .number(201), .number(429), .number(429)])
        }
    }

    @Test("the request journal numbers its entries; `after` returns only newer ones, also across a reset")
    func journalSequence() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let journalURL = server.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/requests")
            func sequences(after: String? = nil) async throws -> [JSONValue] {
                let url = after.map { journalURL + "?after=" + $0 } ?? journalURL
                let answer = try await SandboxHarness.send("GET", url, apiKey: nil)
                guard case .array(let entries)? = answer.json else { return [.null] }
                return entries.compactMap { $0["sequence"] }
            }
            for _ in 0..<3 { _ = try await client.ping() }
            #expect(try await sequences() == [.number(1), .number(2), .number(3)])
            #expect(try await sequences(after: "1") == [.number(2), .number(3)])
            #expect(try await sequences(after: "3") == [])
            #expect(try await sequences(after: "99") == [])
            _ = try await SandboxHarness.admin(server, "reset")
            _ = try await SandboxHarness.client(for: server, apiKey: server.defaultAPIKey).ping()
            #expect(try await sequences(after: "3") == [.number(4)], "a reset empties the journal but keeps counting")
            for bad in ["-1", "x", "1.5"] {
                let answer = try await SandboxHarness.send("GET", journalURL + "?after=" + bad, apiKey: nil)
                #expect(answer.status == 400, "after=\(bad)")
            }
        }
    }

    @Test("a paced LexofficeKit client never meets a 429 at lexoffice's limit (2 per second, bucket of 2)")
    func pacedClient() async throws {
        try await SandboxHarness.withSandbox(SandboxConfiguration()) { server, _ in
            let client = LexofficeClient(
                configuration: LexofficeClientConfiguration(
                    baseURL: server.baseURL,
                    requestsPerSecond: 2,
                    retryPolicy: .none
                ),
                credentials: StaticAPIKey(server.defaultAPIKey),
                pacerRegistry: RequestPacerRegistry()
            )
            for _ in 0..<5 { _ = try await client.ping() }
            let journal = try await SandboxHarness.send(
                "GET",
                server.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/requests"),
                apiKey: nil
            )
            guard case .array(let entries)? = journal.json else {
                Issue.record("the journal is not a JSON array")
                return
            }
            #expect(entries.count == 5)
            #expect(entries.allSatisfy { $0["status"] == .number(200) })
        }
    }

    @Test("organizations are isolated: another key cannot see a contact")
    func isolation() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let created = try await client.contacts.create(
                Contact(version: 0, roles: ContactRoles(customer: CustomerRole()), person: Person(lastName: "Beispiel"))
            )
            let admin = server.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/organizations")
            let organization = try await SandboxHarness.send(
                "POST",
                admin,
                apiKey: nil,
                body: #"{"companyName":"Zweite GmbH"}"#
            )
            #expect(organization.status == 201)
            let key = try #require(organization.json?["apiKey"]?.stringValue)
            let other = SandboxHarness.client(for: server, apiKey: key)
            let error = await #expect(throws: LexofficeError.self) { try await other.contacts.get(created.id) }
            #expect(error?.code == .notFound)
            #expect(try await other.profile().companyName == "Zweite GmbH")
            #expect(try await other.contacts.page(page: PageRequest()).content.isEmpty)
        }
    }
}
