import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// Every POST and PUT that answers an action result carries all five of its fields.
@Suite(.timeLimit(.minutes(1)))
struct ActionResultTests {
    private static let fields: Set<String> = ["id", "resourceUri", "createdDate", "updatedDate", "version"]

    private static func fieldNames(_ value: JSONValue?) -> Set<String> {
        guard case .object(let members)? = value else { return [] }
        return Set(members.keys)
    }

    private static func send(
        _ method: String,
        _ path: String,
        body: String? = nil,
        on server: SandboxServer
    ) async throws -> (status: Int, headers: [String: String], json: JSONValue?, text: String) {
        try await SandboxHarness.send(method, server.baseURL + "/" + path, apiKey: server.defaultAPIKey, body: body)
    }

    private static func sample(_ name: String) throws -> String {
        String(decoding: try Fixtures.lexoffice(name), as: UTF8.self)
    }

    @Test(
        "POST and PUT of contacts, articles and vouchers answer id, resourceUri, createdDate, updatedDate, version",
        arguments: [
            ("contacts", "contact-create.json"), ("articles", "article-create.json"),
            ("vouchers", "voucher-create.json"),
        ]
    )
    func createAndUpdate(resource: String, sample: String) async throws {
        try await SandboxHarness.withSandbox { server, _ in
            let created = try await Self.send("POST", resource, body: try Self.sample(sample), on: server)
            #expect(created.status == 201, "\(created.text)")
            #expect(Self.fieldNames(created.json) == Self.fields, "POST: \(created.text)")
            let id = try #require(created.json?["id"]?.stringValue)

            _ = try await SandboxHarness.admin(server, "clock", body: #"{"advanceSeconds":60}"#)
            let stored = try await Self.send("GET", "\(resource)/\(id)", on: server)
            let updated = try await Self.send("PUT", "\(resource)/\(id)", body: stored.text, on: server)
            #expect(updated.status == 200, "\(updated.text)")
            #expect(Self.fieldNames(updated.json) == Self.fields, "PUT: \(updated.text)")
            #expect(updated.json?["createdDate"] == created.json?["createdDate"])
            #expect(updated.json?["updatedDate"] != created.json?["updatedDate"])
            #expect(updated.json?["resourceUri"] == created.json?["resourceUri"])
        }
    }

    @Test("POST of sales vouchers and event subscriptions answers all five fields too")
    func otherCreates() async throws {
        try await SandboxHarness.withSandbox { server, _ in
            for (resource, sample) in [
                ("invoices", "invoice-create-minimal.json"), ("event-subscriptions", "event-subscription-create.json"),
            ] {
                let created = try await Self.send("POST", resource, body: try Self.sample(sample), on: server)
                #expect(created.status == 201, "\(resource): \(created.text)")
                #expect(Self.fieldNames(created.json) == Self.fields, "\(resource): \(created.text)")
            }
        }
    }
}
