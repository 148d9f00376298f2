import Foundation
import KontorCore
import KontorFlows
import KontorStore
import KontorTestSupport
import Testing

@Suite("Forwarded documents and forwarding settings", .timeLimit(.minutes(1)))
struct ForwardingStoreTests {
    private func incoming(_ externalID: String, content: String, tenant: String = "acme") -> IncomingDocument {
        IncomingDocument(
            tenantID: TenantID(tenant),
            externalID: externalID,
            direction: .incoming,
            releasedAt: Date(timeIntervalSince1970: 1_770_000_000),
            note: "from the network",
            fileName: "\(externalID).pdf",
            mediaType: "application/pdf",
            content: Data(content.utf8)
        )
    }

    @Test(
        "a document is stored once with its bytes and its job; the same content is unchanged, other content refused",
        arguments: TestEngine.allCases
    )
    func receive(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            _ = try await TenantStore(database: database, clock: clock)
                .create(Tenant(id: TenantID("acme"), name: "Acme", createdAt: clock.now, updatedAt: clock.now))
            let queue = JobQueue(database: database, clock: clock)
            let store = ForwardingStore(queue: queue)
            let created = try await store.receive(incoming("d-1", content: "%PDF-1 one"))
            guard case .created(let document) = created else {
                Issue.record("not created: \(created)")
                return
            }
            #expect(document.state == .pending)
            #expect(document.size == 10)
            #expect(document.sha256.count == 64)
            #expect(document.note == "from the network")
            let again = try await store.receive(incoming("d-1", content: "%PDF-1 one"))
            #expect(again == .unchanged(document))
            let other = await #expect(throws: StoreError.self) {
                try await store.receive(incoming("d-1", content: "%PDF-1 two"))
            }
            #expect(other?.code == .duplicate)
            let unknown = await #expect(throws: StoreError.self) {
                try await store.receive(incoming("d-2", content: "x", tenant: "nobody"))
            }
            #expect(unknown?.code == .unknownTenant)

            let content = try await ForwardingLedger(queue: queue).content(of: document)
            #expect(content == Data("%PDF-1 one".utf8))
            let jobs = try await queue.jobs(tenant: TenantID("acme"))
            #expect(jobs.map(\.kind) == [ForwardingJob.jobKind])
            #expect(try await store.documents(of: TenantID("acme"), state: .pending, after: nil, limit: 10).count == 1)
            #expect(try await store.documents(of: TenantID("acme"), state: .failed, after: nil, limit: 10).isEmpty)
            let notRetryable = await #expect(throws: StoreError.self) {
                try await store.retry(document.id, of: TenantID("acme"))
            }
            #expect(notRetryable?.code == .invalidState)
        }
    }

    @Test(
        "forwarding settings default to inactive and read; switched on, waiting documents are queued again",
        arguments: TestEngine.allCases
    )
    func settings(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            _ = try await TenantStore(database: database, clock: clock)
                .create(Tenant(id: TenantID("acme"), name: "Acme", createdAt: clock.now, updatedAt: clock.now))
            let store = ForwardingStore(queue: JobQueue(database: database, clock: clock))
            #expect(try await store.settings(of: TenantID("acme")) == ForwardingSettings())
            _ = try await store.receive(incoming("d-1", content: "%PDF-1 one"))
            let since = Date(timeIntervalSince1970: 1_767_225_600)
            let updated = try await store.updateSettings(of: TenantID("acme")) { settings in
                settings.isActive = true
                settings.activeSince = since
                settings.mode = .upload
                settings.purchaseCategoryID = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
            }
            #expect(try await store.settings(of: TenantID("acme")) == updated)
            #expect(updated.mode == .upload)
            #expect(updated.activeSince == since)
            #expect(try await store.resumePending(of: TenantID("acme")) == 1)
        }
    }

    @Test(
        "the hub-wide switch: on until stored, seeded once, and switched on it queues every pending document in its commit",
        arguments: TestEngine.allCases
    )
    func hubSwitch(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let tenants = TenantStore(database: database, clock: clock)
            for id in ["acme", "bolt"] {
                _ = try await tenants.create(
                    Tenant(id: TenantID(id), name: id, createdAt: clock.now, updatedAt: clock.now)
                )
            }
            let queue = JobQueue(database: database, clock: clock)
            let hubSwitch = ForwardingSwitchStore(queue: queue)
            let initial = try await hubSwitch.state()
            #expect(initial.isActive && initial.updatedAt == nil)
            #expect(try await hubSwitch.seed(false).isActive == false)
            #expect(try await hubSwitch.seed(true).isActive == false, "a stored value holds")
            let store = ForwardingStore(queue: queue)
            _ = try await store.receive(incoming("a-1", content: "%PDF-1 a"))
            _ = try await store.receive(incoming("b-1", content: "%PDF-1 b", tenant: "bolt"))
            let before = try await queue.jobs(tenant: nil).count
            #expect(try await hubSwitch.set(false).isActive == false)
            #expect(try await queue.jobs(tenant: nil).count == before, "switched off, nothing is queued")
            clock.advance(by: .seconds(1))
            let on = try await hubSwitch.set(true)
            #expect(on.isActive && on.updatedAt?.millisecondsSince1970 == clock.nowMilliseconds)
            let queued = try await queue.jobs(tenant: nil).filter { $0.kind == ForwardingJob.jobKind }
            #expect(queued.count == 4, "each tenant's pending document again: \(queued.map(\.tenantID))")
            #expect(try await hubSwitch.isForwardingActive())
        }
    }
}
