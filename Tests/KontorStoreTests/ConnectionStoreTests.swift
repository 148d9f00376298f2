import Foundation
import KontorCore
import KontorFlows
import KontorStore
import KontorTestSupport
import SQLKit
import Testing

@Suite("Connections and webhook inbox", .timeLimit(.minutes(1)))
struct ConnectionStoreTests {
    private let box: SecretBox = {
        do { return try SecretBox(masterKey: Data(repeating: 42, count: 32)) } catch { fatalError("\(error)") }
    }()

    private func tenant(_ id: String, _ clock: ManualWallClock) -> Tenant {
        Tenant(id: TenantID(id), name: id, createdAt: clock.now, updatedAt: clock.now)
    }

    @Test("credentials are sealed at rest and organizations map to one tenant", arguments: TestEngine.allCases)
    func connections(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let tenants = TenantStore(database: database, clock: clock)
            _ = try await tenants.create(tenant("acme", clock))
            _ = try await tenants.create(tenant("bolt", clock))
            let store = ConnectionStore(database: database, secrets: box, clock: clock)
            let connection = LexofficeConnection(
                tenantID: TenantID("acme"),
                kind: .apiKey,
                organizationID: "org-1",
                companyName: "Acme GmbH",
                subscriptionIDs: ["s1", "s2"],
                connectedAt: clock.now,
                updatedAt: clock.now
            )
            try await store.save(connection, credentials: .apiKey("secret-api-key"))
            #expect(try await store.credentials(of: TenantID("acme")) == .apiKey("secret-api-key"))
            #expect(try await store.connection(of: TenantID("acme"))?.subscriptionIDs == ["s1", "s2"])
            #expect(try await store.tenant(forOrganization: "org-1") == TenantID("acme"))
            let raw = try await database.withConnection { db in
                try await db.raw("SELECT credentials FROM connections").first()?.decode(
                    column: "credentials",
                    as: String.self
                )
            }
            #expect(raw?.contains("secret-api-key") == false)

            var stolen = connection
            stolen.tenantID = TenantID("bolt")
            let conflict = await #expect(throws: StoreError.self) {
                try await store.save(stolen, credentials: .apiKey("k"))
            }
            #expect(conflict?.code == .duplicate)
            var missing = connection
            missing.tenantID = TenantID("nobody")
            missing.organizationID = "org-2"
            let notFound = await #expect(throws: StoreError.self) {
                try await store.save(missing, credentials: .apiKey("k"))
            }
            #expect(notFound?.code == .unknownTenant)

            try await store.markReconnectNeeded(TenantID("acme"), reason: "token.revoked")
            #expect(try await store.connection(of: TenantID("acme"))?.status == .reconnectNeeded)
            try await store.updateCredentials(
                of: TenantID("acme"),
                .oauth2(accessToken: "a", refreshToken: "r"),
                expiresAt: clock.now
            )
            #expect(try await store.connection(of: TenantID("acme"))?.status == .connected)
            #expect(try await store.credentials(of: TenantID("acme")) == .oauth2(accessToken: "a", refreshToken: "r"))
            #expect(try await store.delete(TenantID("acme"))?.organizationID == "org-1")
            #expect(try await store.connection(of: TenantID("acme")) == nil)
            #expect(try await store.tenant(forOrganization: "org-1") == nil)
        }
    }

    @Test(
        "a webhook event is staged for its organization's tenant and admitted as one job",
        arguments: TestEngine.allCases
    )
    func inboxDedupe(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            _ = try await TenantStore(database: database, clock: clock).create(tenant("acme", clock))
            try await ConnectionStore(database: database, secrets: box, clock: clock).save(
                LexofficeConnection(
                    tenantID: TenantID("acme"),
                    kind: .apiKey,
                    organizationID: "org-1",
                    connectedAt: clock.now,
                    updatedAt: clock.now
                ),
                credentials: .apiKey("key")
            )
            let queue = JobQueue(database: database)
            let inbox = WebhookInbox(queue: queue)
            let created = "org-1/invoice.created/inv-1/t1"
            #expect(
                try await inbox.receive(organizationID: "org-1", key: created, payload: "{}")
                    == .received(TenantID("acme"))
            )
            // A redelivery before the first one was admitted is staged too, and dropped on admission.
            #expect(
                try await inbox.receive(organizationID: "org-1", key: created, payload: "{}")
                    == .received(TenantID("acme"))
            )
            #expect(try await queue.jobs().isEmpty, "staged events are no jobs before admission")
            #expect(try await queue.admitStagedJobs() == 2)
            #expect(try await queue.jobs(tenant: TenantID("acme")).count == 1)
            #expect(
                try await inbox.receive(organizationID: "org-1", key: created, payload: "{}")
                    == .duplicate(TenantID("acme"))
            )
            let changed = "org-1/invoice.changed/inv-1/t2"
            #expect(
                try await inbox.receive(organizationID: "org-1", key: changed, payload: "{}")
                    == .received(TenantID("acme"))
            )
            let stranger = "org-9/invoice.changed/inv-1/t2"
            #expect(
                try await inbox.receive(organizationID: "org-9", key: stranger, payload: "{}") == .unknownOrganization
            )
            #expect(try await queue.stagedCount() == 1)
            #expect(try await queue.admitStagedJobs() == 1)
            #expect(try await queue.stagedCount() == 0)
            let jobs = try await queue.jobs(tenant: TenantID("acme"))
            #expect(jobs.count == 2)
            #expect(jobs.allSatisfy { $0.kind == WebhookInbox.jobKind })
            #expect(try await queue.counts()[.queued] == 2)
        }
    }
}
