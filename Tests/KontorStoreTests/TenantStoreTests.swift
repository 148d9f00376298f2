import Foundation
import KontorCore
import KontorStore
import KontorTestSupport
import SQLKit
import Testing

@Suite("Tenants, activity and API tokens", .timeLimit(.minutes(1)))
struct TenantStoreTests {
    private func newTenant(_ id: String, clock: ManualWallClock) -> Tenant {
        Tenant(
            id: TenantID(id),
            name: "Radhaus \(id)",
            companyCode: "K-\(id)",
            createdAt: clock.now,
            updatedAt: clock.now
        )
    }

    @Test("creates, reads, lists by cursor and deletes tenants", arguments: TestEngine.allCases)
    func crud(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let store = TenantStore(database: database, clock: clock)
            for id in ["c", "a", "b"] { _ = try await store.create(newTenant(id, clock: clock)) }
            let duplicate = await #expect(throws: StoreError.self) {
                try await store.create(newTenant("a", clock: clock))
            }
            #expect(duplicate?.code == .duplicate)
            let stored = try #require(try await store.tenant(TenantID("a")))
            #expect(stored.name == "Radhaus a")
            #expect(stored.settings == TenantSettings())
            #expect(stored.version == 1)
            #expect(stored.isActive == false)
            #expect(try await store.list(limit: 2).map(\.id.rawValue) == ["a", "b"])
            #expect(try await store.list(after: TenantID("b")).map(\.id.rawValue) == ["c"])
            #expect(try await store.delete(TenantID("b")))
            #expect(try await store.delete(TenantID("b")) == false)
            #expect(try await store.tenant(TenantID("b")) == nil)
        }
    }

    @Test(
        "deleting a tenant deletes its activity log: a new tenant with the same id sees nothing of the old one",
        arguments: TestEngine.allCases
    )
    func deleteTakesActivity(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let store = TenantStore(database: database, clock: clock)
            let activity = ActivityLog(database: database, clock: clock)
            let acme = TenantID("acme")
            _ = try await store.create(newTenant("acme", clock: clock))
            _ = try await store.create(newTenant("bolt", clock: clock))
            try await activity.append(acme, kind: "connection.connected", message: "the old acme")
            try await activity.append(TenantID("bolt"), kind: "connection.connected", message: "bolt")
            #expect(try await store.delete(acme))
            _ = try await store.create(newTenant("acme", clock: clock))
            #expect(try await activity.entries(of: acme).isEmpty)
            #expect(try await activity.entries(of: TenantID("bolt")).map(\.message) == ["bolt"])
        }
    }

    @Test(
        "recent reads see this store's changes at once and other stores' changes within the lifetime",
        arguments: TestEngine.allCases
    )
    func recentReads(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let store = TenantStore(database: database, clock: clock)
            let acme = TenantID("acme")
            #expect(try await store.recentTenant(acme) == nil)
            _ = try await store.create(newTenant("acme", clock: clock))
            #expect(try await store.recentTenant(acme)?.version == 1, "a missing tenant was not kept")
            _ = try await store.update(acme) { $0.isActive = true }
            #expect(try await store.recentTenant(acme)?.isActive == true, "own change at once")

            _ = try await TenantStore(database: database, clock: clock).update(acme) { $0.name = "elsewhere" }
            #expect(try await store.recentTenant(acme)?.version == 2, "another store's change not yet")
            clock.advance(by: TenantStore.recentLifetime)
            #expect(try await store.recentTenant(acme)?.name == "elsewhere", "after the lifetime")

            #expect(try await store.delete(acme))
            #expect(try await store.recentTenant(acme) == nil, "own delete at once")
        }
    }

    @Test("updates bump the version and respect the version the caller read", arguments: TestEngine.allCases)
    func optimisticLocking(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let store = TenantStore(database: database, clock: clock)
            _ = try await store.create(newTenant("acme", clock: clock))
            let since = clock.now
            let activated = try await store.update(TenantID("acme"), expectedVersion: 1) {
                $0.isActive = true
                $0.activeSince = since
                $0.settings.finalizeInvoices = false
            }
            #expect(activated.version == 2)
            #expect(try await store.tenant(TenantID("acme")) == activated)
            let stale = await #expect(throws: StoreError.self) {
                try await store.update(TenantID("acme"), expectedVersion: 1) { $0.name = "stale" }
            }
            #expect(stale?.code == .versionMismatch)
            let missing = await #expect(throws: StoreError.self) {
                try await store.update(TenantID("nobody")) { $0.name = "x" }
            }
            #expect(missing?.code == .unknownTenant)
        }
    }

    @Test(
        "the transfer variant cannot change once documents were transferred this business year",
        arguments: TestEngine.allCases
    )
    func variantRule(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let store = TenantStore(database: database, clock: clock)
            let activity = ActivityLog(database: database, clock: clock)
            _ = try await store.create(newTenant("acme", clock: clock))
            let voucher = try await store.update(TenantID("acme")) { $0.settings.transferVariant = .voucher }
            #expect(voucher.settings.transferVariant == .voucher)
            try await activity.append(TenantID("acme"), kind: "invoice.transferred", message: "RE-1 transferred")
            let refused = await #expect(throws: StoreError.self) {
                try await store.update(TenantID("acme")) { $0.settings.transferVariant = .invoice }
            }
            #expect(refused?.code == .invalidState)
            #expect(refused?.detail.contains("business year") == true)
            _ = try await store.update(TenantID("acme")) { $0.settings.autoTransfer = false }
            clock.advance(by: .seconds(366 * 86_400))
            let nextYear = try await store.update(TenantID("acme")) { $0.settings.transferVariant = .invoice }
            #expect(nextYear.settings.transferVariant == .invoice)
        }
    }

    @Test("the activity log pages newest first and filters by kind", arguments: TestEngine.allCases)
    func activityLog(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let log = ActivityLog(database: database, clock: ManualWallClock())
            for number in 1...5 {
                try await log.append(
                    TenantID("acme"),
                    kind: number == 3 ? "tenant.activated" : "invoice.transferred",
                    message: "#\(number)"
                )
            }
            try await log.append(TenantID("other"), kind: "invoice.transferred", message: "not acme's")
            let page = try await log.entries(of: TenantID("acme"), limit: 2)
            #expect(page.map(\.message) == ["#5", "#4"])
            let next = try await log.entries(of: TenantID("acme"), before: page.last?.id, limit: 10)
            #expect(next.map(\.message) == ["#3", "#2", "#1"])
            #expect(try await log.entries(of: TenantID("acme"), kind: "tenant.activated").map(\.message) == ["#3"])
        }
    }

    @Test(
        "API tokens are shown once, stored hashed, scoped, and stop working when revoked",
        arguments: TestEngine.allCases
    )
    func apiTokens(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            _ = try await TenantStore(database: database, clock: clock).create(newTenant("acme", clock: clock))
            let tokens = APITokenStore(database: database, clock: clock)
            let partner = try await tokens.create(scope: .partner, name: "partner")
            let tenant = try await tokens.create(scope: .tenant(TenantID("acme")), name: "practice software")
            #expect(try await tokens.authenticate(partner.token) == .partner)
            #expect(try await tokens.authenticate(tenant.token) == .tenant(TenantID("acme")))
            #expect(try await tokens.authenticate(partner.token + "x") == nil)
            #expect(try await tokens.authenticate("Bearer nonsense") == nil)
            let missing = await #expect(throws: StoreError.self) {
                try await tokens.create(scope: .tenant(TenantID("nobody")), name: "x")
            }
            #expect(missing?.code == .unknownTenant)
            let stored = try await database.withConnection { db in
                try await db.raw("SELECT token_hash FROM api_tokens").all().map {
                    try $0.decode(column: "token_hash", as: String.self)
                }
            }
            #expect(!stored.contains(partner.token))
            #expect(stored.allSatisfy { $0.count == 64 })
            #expect(try await tokens.revoke(tenant.record.id))
            #expect(try await tokens.authenticate(tenant.token) == nil, "revoked through this store: at once")
            #expect(try await tokens.authenticate(partner.token) == .partner)
            #expect(try await APITokenStore(database: database, clock: clock).revoke(partner.record.id))
            #expect(try await tokens.authenticate(partner.token) == .partner, "revoked elsewhere: not yet")
            clock.advance(by: APITokenStore.recentLifetime)
            #expect(try await tokens.authenticate(partner.token) == nil, "revoked elsewhere: after the lifetime")
            #expect(Set(try await tokens.list().map(\.name)) == ["partner", "practice software"])
        }
    }
}
