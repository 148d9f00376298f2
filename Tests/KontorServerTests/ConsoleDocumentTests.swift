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
            #expect(page.body.contains("Ablageordner auf dem Hub"), "a partner user sets the tenant's drop folder")
            let scans = FileManager.default.temporaryDirectory.path + "/kontor-scans-\(UUID().uuidString)/acme"
            let folder = try await client.post(
                "/ui/tenants/acme/forwarding",
                [("active", "true"), ("mode", "read"), ("dropFolder", scans)]
            )
            #expect(folder.location == "/ui/tenants/acme/documents?notice=forwardingSaved", "\(folder.location ?? "-")")
            let withFolder = try await hub.send(.get, "/api/v1/tenants/acme").json()
            #expect((withFolder["forwarding"] as? [String: Any])?["dropFolder"] as? String == scans)
            #expect(try await client.get("/ui/tenants/acme/documents").body.contains("value=\"\(scans)\""))
            let outside = try await client.post(
                "/ui/tenants/acme/forwarding",
                [("mode", "read"), ("dropFolder", "/var/spool/postfix")]
            )
            #expect(outside.location?.contains("error=validation-failed&fields=dropFolder") == true)
            let relative = try await client.post(
                "/ui/tenants/acme/forwarding",
                [("mode", "read"), ("dropFolder", "scans/acme")]
            )
            #expect(relative.location?.contains("error=validation-failed&fields=dropFolder") == true)
            let invalid = try await client.post("/ui/tenants/acme/forwarding", [("mode", "sideways")])
            #expect(invalid.location?.contains("error=validation-failed&fields=mode") == true)

            let retried = try await client.post("/ui/tenants/acme/documents/\(id)/retry")
            #expect(retried.location == "/ui/tenants/acme/documents?notice=documentRetried")
            #expect(try await ForwardingTests.document(hub, id)["state"] as? String == "pending")
            #expect(try await client.get("/ui/tenants/acme/documents?state=failed").body.contains("Keine Belege"))
        }
    }

    @Test("the tenant list shows the hub-wide forwarding switch; a partner user switches it off and on")
    func hubSwitch() async throws {
        try await HubHarness.with { hub in
            let client = try await ConsoleTests.signedIn(hub)
            defer { Task { try? await client.shutdown() } }
            let list = try await client.get("/ui/")
            #expect(list.body.contains("Weiterleitung für alle Mandanten ausschalten"), "\(list.body)")
            let off = try await client.post("/ui/forwarding", [("active", "false")])
            #expect(off.location == "/ui/?notice=forwardingSwitchedOff", "\(off.location ?? "-")")
            #expect(try await hub.send(.get, "/api/v1/forwarding").json()["active"] as? Bool == false)
            let page = try await client.get("/ui/?notice=forwardingSwitchedOff")
            #expect(page.body.contains("Weiterleitung für alle Mandanten einschalten"))
            #expect(page.body.contains("Belege warten"))
            let on = try await client.post("/ui/forwarding", [("active", "true")])
            #expect(on.location == "/ui/?notice=forwardingSwitchedOn")
            #expect(try await hub.send(.get, "/api/v1/forwarding").json()["active"] as? Bool == true)
            let invalid = try await client.post("/ui/forwarding", [("active", "maybe")])
            #expect(invalid.location?.contains("error=validation-failed&fields=active") == true)
        }
    }
}
