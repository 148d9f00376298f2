import Foundation
import HTTPTypes
import Testing

/// The forwarding section of the console (issue 26).
@Suite("Web console: documents", .timeLimit(.minutes(2)))
struct ConsoleDocumentTests {
    @Test("forwarding settings are saved from the page; documents are listed with state and reason, and retried")
    func documentSection() async throws {
        try await HubHarness.with(lexofficeRate: 200) { hub in
            try await ForwardingTests.forwardingTenant(hub)
            let pdf = Data("%PDF-1.4\n%%EOF\n".utf8)
            let early = try await ForwardingTests.post(
                hub,
                externalID: "<b>early</b>",
                file: ("early.pdf", pdf),
                moment: "2025-06-01T00:00:00Z"
            )
            let id = try #require(try early.json()["id"] as? String)
            #expect(try await hub.runWorkers { try await ForwardingTests.all(hub, [id], are: "skipped") })

            let client = try await ConsoleTests.signedIn(hub)
            defer { Task { try? await client.shutdown() } }
            let page = try await client.get("/ui/tenants/acme/documents")
            #expect(page.status == 200)
            #expect(page.body.contains("&lt;b&gt;early&lt;/b&gt;") && !page.body.contains("<b>early</b>"))
            #expect(page.body.contains("übersprungen") && page.body.contains("before forwarding was activated"))
            #expect(page.body.contains("/ui/tenants/acme/documents/\(id)/retry"))

            let saved = try await client.post("/ui/tenants/acme/forwarding", [("active", "true"), ("mode", "upload")])
            #expect(saved.location == "/ui/tenants/acme/documents?notice=forwardingSaved", "\(saved.location ?? "-")")
            let tenant = try await hub.send(.get, "/api/v1/tenants/acme").json()
            let forwarding = try #require(tenant["forwarding"] as? [String: Any])
            #expect(forwarding["mode"] as? String == "upload")
            #expect(forwarding["activeSince"] as? String == "2026-01-01T00:00:00Z", "the activation date stays")
            let invalid = try await client.post("/ui/tenants/acme/forwarding", [("mode", "sideways")])
            #expect(invalid.location?.contains("error=validation-failed&fields=mode") == true)

            let retried = try await client.post("/ui/tenants/acme/documents/\(id)/retry")
            #expect(retried.location == "/ui/tenants/acme/documents?notice=documentRetried")
            #expect(try await ForwardingTests.document(hub, id)["state"] as? String == "pending")
            #expect(try await client.get("/ui/tenants/acme/documents?state=failed").body.contains("Keine Belege"))
        }
    }
}
