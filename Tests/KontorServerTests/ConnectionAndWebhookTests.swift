import AsyncHTTPClient
import Foundation
import HTTPTypes
import KontorCore
import KontorFlows
import KontorServer
import KontorStore
import LexofficeKit
import LexofficeSandbox
import NIOCore
import NIOHTTP1
import Testing

@Suite("Hub API: lexoffice connection and webhook receiver", .timeLimit(.minutes(1)))
struct ConnectionAndWebhookTests {
    private func sandboxClient(_ hub: HubHarness) -> LexofficeClient {
        LexofficeClient(
            configuration: LexofficeClientConfiguration(baseURL: hub.sandbox.baseURL, requestsPerSecond: 1000),
            credentials: StaticAPIKey(Secret(hub.sandbox.defaultAPIKey))
        )
    }

    private func connect(_ hub: HubHarness, tenant: String = "acme") async throws {
        let answer = try await hub.send(
            .put,
            "/api/v1/tenants/\(tenant)/connection/api-key",
            json: #"{"apiKey":"\#(hub.sandbox.defaultAPIKey)"}"#
        )
        #expect(answer.status == 200, "\(answer.body)")
    }

    @Test("an API key is checked with lexoffice, stored sealed, and registers the hub's event subscriptions")
    func connectWithAPIKey() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            #expect(
                try await hub.send(.get, "/api/v1/tenants/acme/connection").json()["status"] as? String
                    == "notConnected"
            )
            try await connect(hub)
            let connection = try await hub.send(.get, "/api/v1/tenants/acme/connection").json()
            #expect(connection["organizationId"] as? String == hub.sandbox.defaultOrganizationID.description)
            #expect(connection["status"] as? String == "connected")
            #expect(connection["kind"] as? String == "api-key")
            #expect(!String(describing: connection).contains(hub.sandbox.defaultAPIKey))
            let subscriptions = try await sandboxClient(hub).eventSubscriptions.list()
            #expect(subscriptions.count == HubServerConfiguration.requiredEvents.count)
            #expect(subscriptions.allSatisfy { $0.callbackUrl == "http://127.0.0.1:9/hub/webhooks/lexoffice" })

            #expect(try await hub.send(.delete, "/api/v1/tenants/acme/connection").status == 204)
            #expect(try await sandboxClient(hub).eventSubscriptions.list().isEmpty)
            #expect(
                try await hub.send(.get, "/api/v1/tenants/acme/connection").json()["status"] as? String
                    == "notConnected"
            )
            let kinds = try await ActivityLog(database: hub.database).entries(of: TenantID("acme")).map(\.kind)
            #expect(kinds.prefix(2) == ["connection.disconnected", "connection.connected"])
        }
    }

    @Test("a check brings the event subscriptions up to date (a tenant connected before the hub subscribed to more)")
    func checkResubscribes() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            try await connect(hub)
            let lexoffice = sandboxClient(hub)
            let before = try await lexoffice.eventSubscriptions.list()
            let missing = try #require(before.first { $0.eventType.rawValue == "contact.changed" })
            try await lexoffice.eventSubscriptions.delete(missing.subscriptionId)
            #expect(try await lexoffice.eventSubscriptions.list().count == before.count - 1)

            #expect(try await hub.send(.post, "/api/v1/tenants/acme/connection/check").status == 200)
            let after = try await lexoffice.eventSubscriptions.list()
            #expect(Set(after.map(\.eventType.rawValue)) == Set(before.map(\.eventType.rawValue)))
            let connection = try await hub.send(.get, "/api/v1/tenants/acme/connection").json()
            #expect(connection["subscriptions"] as? Int == before.count)
            let kinds = try await ActivityLog(database: hub.database).entries(of: TenantID("acme")).map(\.kind)
            #expect(kinds.first == "connection.subscriptions")

            #expect(try await hub.send(.post, "/api/v1/tenants/acme/connection/check").status == 200)
            #expect(try await lexoffice.eventSubscriptions.list().count == before.count, "a second check adds none")
        }
    }

    @Test(
        "deleting a connected tenant removes its event subscriptions from lexoffice and its activity log; a new tenant with its id sees none of it"
    )
    func deletingDisconnects() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            try await connect(hub)
            #expect(try await sandboxClient(hub).eventSubscriptions.list().count > 0)

            #expect(try await hub.send(.delete, "/api/v1/tenants/acme").status == 204)
            #expect(try await sandboxClient(hub).eventSubscriptions.list().isEmpty)
            #expect(try await hub.send(.get, "/api/v1/tenants/acme").status == 404)
            #expect(try await ActivityLog(database: hub.database).entries(of: TenantID("acme")).isEmpty)
            try await hub.createTenant("acme")
            let activity = try await hub.send(.get, "/api/v1/tenants/acme/activity").json()
            let kinds = (activity["items"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
            #expect(kinds == ["tenant.created"], "only the new tenant's own entry")

            // The organization is free for another tenant, which an orphaned connection would have prevented.
            try await hub.createTenant("bolt")
            try await connect(hub, tenant: "bolt")
            #expect(
                try await sandboxClient(hub).eventSubscriptions.list().count
                    == HubServerConfiguration.requiredEvents.count
            )
        }
    }

    @Test("connecting removes the hub's subscriptions to events it no longer uses and keeps other receivers' ones")
    func staleSubscriptionsRemoved() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            let lexoffice = sandboxClient(hub)
            let hubURL = "http://127.0.0.1:9/hub/webhooks/lexoffice"
            _ = try await lexoffice.eventSubscriptions.create(
                NewEventSubscription(eventType: .invoiceCreated, callbackUrl: hubURL)
            )
            _ = try await lexoffice.eventSubscriptions.create(
                NewEventSubscription(eventType: .articleChanged, callbackUrl: "http://127.0.0.1:9/elsewhere")
            )
            try await connect(hub)
            let subscriptions = try await lexoffice.eventSubscriptions.list()
            let ours = subscriptions.filter { $0.callbackUrl == hubURL }.map(\.eventType)
            #expect(Set(ours) == Set(HubServerConfiguration.requiredEvents))
            #expect(ours.count == HubServerConfiguration.requiredEvents.count)
            #expect(
                subscriptions.contains { $0.eventType == .articleChanged && $0.callbackUrl.hasSuffix("/elsewhere") }
            )
            let entries = try await ActivityLog(database: hub.database).entries(of: TenantID("acme"))
            #expect(entries.contains { $0.kind == "connection.unsubscribed" && $0.message.contains("invoice.created") })
        }
    }

    @Test("a stale subscription lexoffice refuses to remove is a warning in the activity log, not a failed connect")
    func staleSubscriptionKept() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            let lexoffice = sandboxClient(hub)
            _ = try await lexoffice.eventSubscriptions.create(
                NewEventSubscription(
                    eventType: .invoiceCreated,
                    callbackUrl: "http://127.0.0.1:9/hub/webhooks/lexoffice"
                )
            )
            var fault = HTTPClientRequest(
                url: hub.sandbox.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/faults")
            )
            fault.method = .POST
            fault.headers.add(name: "Content-Type", value: "application/json")
            fault.body = .bytes(
                ByteBuffer(
                    string:
                        #"{"method":"DELETE","path":"/v1/event-subscriptions/*","action":"failBeforeExecution","status":403}"#
                )
            )
            #expect(try await HTTPClient.shared.execute(fault, timeout: .seconds(10)).status.code == 201)
            try await connect(hub)
            let subscriptions = try await lexoffice.eventSubscriptions.list()
            #expect(subscriptions.contains { $0.eventType == .invoiceCreated }, "lexoffice refused its removal")
            #expect(Set(subscriptions.map(\.eventType)).isSuperset(of: HubServerConfiguration.requiredEvents))
            let entries = try await ActivityLog(database: hub.database).entries(of: TenantID("acme"))
            #expect(entries.contains { $0.kind == "connection.warning" && $0.message.contains("invoice.created") })
            #expect(entries.contains { $0.kind == "connection.connected" })
        }
    }

    @Test("a key lexoffice rejects is a 422 on #/apiKey; one organization cannot serve two tenants")
    func rejectedKeys() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            try await hub.createTenant("bolt")
            let wrong = try await hub.send(
                .put,
                "/api/v1/tenants/acme/connection/api-key",
                json: #"{"apiKey":"wrong"}"#
            )
            #expect(wrong.status == 422)
            #expect((try wrong.json()["errors"] as? [[String: String]])?.first?["pointer"] == "#/apiKey")
            let empty = try await hub.send(.put, "/api/v1/tenants/acme/connection/api-key", json: #"{"apiKey":" "}"#)
            #expect(empty.status == 422)
            try await connect(hub)
            let second = try await hub.send(
                .put,
                "/api/v1/tenants/bolt/connection/api-key",
                json: #"{"apiKey":"\#(hub.sandbox.defaultAPIKey)"}"#
            )
            #expect(second.status == 409)
        }
    }

    private func event(_ hub: HubHarness, type: String, resource: String = UUID().uuidString.lowercased()) -> String {
        #"{"organizationId":"\#(hub.sandbox.defaultOrganizationID)","eventType":"\#(type)","resourceId":"\#(resource)","eventDate":"2026-11-30T10:00:00.000+01:00"}"#
    }

    private func deliver(_ hub: HubHarness, _ body: String, signature: String?) async throws -> Int {
        try await send(hub, body, signature: signature).status
    }

    /// Delivers `body` signed with the sandbox's webhook key.
    private func deliverSigned(_ hub: HubHarness, _ body: String) async throws -> HubHarness.Answer {
        try await send(hub, body, signature: try hub.webhookSigner.signature(for: Data(body.utf8)))
    }

    private func send(_ hub: HubHarness, _ body: String, signature: String?) async throws -> HubHarness.Answer {
        var headers: [String: String] = [:]
        if let signature { headers["X-Lxo-Signature"] = signature }
        return try await hub.send(.post, "/webhooks/lexoffice", json: body, token: "", headers: headers)
    }

    @Test("signed events of a connected organization are enqueued once; unsigned and forged ones are refused")
    func webhookReceiver() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            try await connect(hub)
            let queue = JobQueue(database: hub.database)
            let body = event(hub, type: "invoice.created")
            let signature = try hub.webhookSigner.signature(for: Data(body.utf8))
            #expect(try await deliver(hub, body, signature: signature) == 202)
            #expect(try await deliver(hub, body, signature: signature) == 202, "a redelivery is acknowledged")
            #expect(try await queue.admitStagedJobs() == 2)
            let jobs = try await queue.jobs(tenant: TenantID("acme")).filter { $0.kind == WebhookInbox.jobKind }
            #expect(jobs.count == 1)
            #expect(jobs.first?.kind == WebhookInbox.jobKind)
            #expect(jobs.first?.payload == body)

            #expect(try await deliver(hub, event(hub, type: "invoice.changed"), signature: nil) == 401)
            #expect(try await deliver(hub, event(hub, type: "invoice.changed"), signature: signature) == 401)
            let tampered = body.replacingOccurrences(of: "invoice.created", with: "invoice.deleted")
            #expect(try await deliver(hub, tampered, signature: signature) == 401)
            #expect(try await queue.stagedCount() == 0, "nothing staged for refused deliveries")
            let events = try await queue.jobs().filter { $0.kind == WebhookInbox.jobKind }
            #expect(events.count == 1, "nothing enqueued for refused deliveries")
        }
    }

    @Test("a signed body that is not a lexoffice event is a 400 and stores nothing; unknown members are ignored")
    func signedBodiesThatAreNoEvents() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            try await connect(hub)
            let queue = JobQueue(database: hub.database)
            let organization = hub.sandbox.defaultOrganizationID
            let notEvents = [
                "{",
                "[]",
                #"{"organizationId":"\#(organization)","eventType":"invoice.created","eventDate":"2026-11-30"}"#,
                #"{"organizationId":"\#(organization)","eventType":7,"resourceId":"r","eventDate":"2026-11-30"}"#,
                #"{"organizationId":null,"eventType":"invoice.created","resourceId":"r","eventDate":"2026-11-30"}"#,
            ]
            for body in notEvents {
                let response = try await deliverSigned(hub, body)
                #expect(response.status == 400, "\(body)")
                #expect(response.headers["content-type"] == "application/problem+json", "\(body)")
            }
            #expect(try await queue.stagedCount() == 0)

            // Read directly (plain JSON with escapes and an unknown member) and by JSONDecoder (a number with an
            // exponent, which the direct reader leaves to it): both are the same event, enqueued once.
            let plain =
                #"{ "organizationId" : "\#(organization)", "eventType":"invoice.\u0063reated", "resourceId":"r-1", "#
                + #""eventDate":"2026-11-30T10:00:00.000+01:00", "extra": {"n": [1, 2.5]} }"#
            let withExponent =
                #"{"organizationId":"\#(organization)","eventType":"invoice.created","resourceId":"r-1","#
                + #""eventDate":"2026-11-30T10:00:00.000+01:00","extra":1e3}"#
            for body in [plain, withExponent] {
                #expect(try await deliverSigned(hub, body).status == 202, "\(body)")
            }
            #expect(try await queue.admitStagedJobs() == 2)
            let jobs = try await queue.jobs(tenant: TenantID("acme")).filter { $0.kind == WebhookInbox.jobKind }
            #expect(jobs.map(\.payload) == [plain], "the second delivery is the same event: a duplicate")
        }
    }

    @Test("token.revoked marks the connection for reconnecting and pauses the tenant's jobs")
    func tokenRevoked() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            try await connect(hub)
            let body = revocation(hub, at: Date().addingTimeInterval(1))
            #expect(try await deliverSigned(hub, body).status == 202)
            let connection = try await hub.send(.get, "/api/v1/tenants/acme/connection").json()
            #expect(connection["status"] as? String == "reconnect-needed")
            #expect(try await JobQueue(database: hub.database).pauseReason(of: TenantID("acme")) == "reconnect needed")
        }
    }

    @Test("a replayed token.revoked dated before the connection was made is ignored")
    func replayedRevocation() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            try await connect(hub)
            let old = revocation(hub, at: Date().addingTimeInterval(-3600))
            #expect(try await deliverSigned(hub, old).status == 202, "acknowledged, so that lexoffice stops sending")
            let connection = try await hub.send(.get, "/api/v1/tenants/acme/connection").json()
            #expect(connection["status"] as? String == "connected")
            #expect(try await JobQueue(database: hub.database).pauseReason(of: TenantID("acme")) == nil)
        }
    }

    /// A signed-to-be `token.revoked` event for the sandbox's organization dated `date` (lexoffice's format).
    private func revocation(_ hub: HubHarness, at date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let eventDate = formatter.string(from: date).replacingOccurrences(of: "Z", with: "+00:00")
        return
            #"{"organizationId":"\#(hub.sandbox.defaultOrganizationID)","eventType":"token.revoked","resourceId":"\#(UUID().uuidString.lowercased())","eventDate":"\#(eventDate)"}"#
    }
}
