import Foundation
import KontorCore
import KontorFlows
import KontorStore
import KontorTestSupport
import SQLKit
import Testing

@Suite("Source invoices", .timeLimit(.minutes(1)))
struct SourceInvoiceStoreTests {
    private let acme = TenantID("acme")

    private func incoming(
        _ sourceID: String,
        date: String = "2026-03-10",
        status: String = "finalized",
        cancels: String? = nil,
        content: String = "{}"
    ) -> IncomingSourceInvoice {
        IncomingSourceInvoice(
            tenantID: acme,
            sourceID: sourceID,
            number: "R-\(sourceID)",
            invoiceDate: date,
            status: status,
            cancels: cancels,
            content: content,
            fingerprint: "sha-\(content)"
        )
    }

    @Test("created, unchanged, updated; a change after the transfer started is refused", arguments: TestEngine.allCases)
    func saveOutcomes(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let tenant = Tenant(id: acme, name: "Acme", isActive: true, createdAt: clock.now, updatedAt: clock.now)
            _ = try await TenantStore(database: database, clock: clock).create(tenant)
            let store = SourceInvoiceStore(database: database, clock: clock)
            guard case .created(let created) = try await store.save(incoming("inv-1")) else {
                Issue.record("the first save did not create the invoice")
                return
            }
            #expect(created.transferState == .pending)
            #expect(created.version == 1)
            #expect(try await store.save(incoming("inv-1")) == .unchanged(created))
            let updated = try await store.save(incoming("inv-1", content: #"{"v":2}"#))
            #expect(updated.invoice.version == 2)
            #expect(updated == .updated(updated.invoice))

            try await database.transaction { db in
                try await db.raw("UPDATE source_invoices SET transfer_state = 'transferring'").run()
            }
            await #expect(throws: StoreError.self) {
                try await store.save(incoming("inv-1", content: #"{"v":3}"#))
            }
            #expect(try await store.invoice("inv-1", of: acme)?.content == #"{"v":2}"#)
            #expect(try await store.save(incoming("inv-1", content: #"{"v":2}"#)).invoice.version == 2)
        }
    }

    @Test(
        "the same new invoice saved 8 times at once is created once; the others find it unchanged",
        arguments: TestEngine.allCases
    )
    func concurrentFirstSaves(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let tenant = Tenant(id: acme, name: "Acme", isActive: true, createdAt: clock.now, updatedAt: clock.now)
            _ = try await TenantStore(database: database, clock: clock).create(tenant)
            let store = SourceInvoiceStore(database: database, clock: clock)
            let saves = try await withThrowingTaskGroup(of: SourceInvoiceSave.self) { group in
                for _ in 0..<8 { group.addTask { try await store.save(incoming("inv-1")) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let created = saves.compactMap { save -> StoredSourceInvoice? in
                if case .created(let invoice) = save { return invoice }
                return nil
            }
            #expect(created.count == 1)
            #expect(saves.filter { $0 == .unchanged(created.first ?? saves[0].invoice) }.count == 7)
            #expect(try await store.invoice("inv-1", of: acme) == created.first)
            let jobs = try await JobQueue(database: database, clock: clock).jobs(tenant: acme)
            #expect(jobs.count == 1, "one transfer job for the one stored version")
        }
    }

    @Test(
        "the decision is made on the tenant as stored at the save; an unknown tenant stores nothing",
        arguments: TestEngine.allCases
    )
    func tenantAtTheSave(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let tenants = TenantStore(database: database, clock: clock)
            _ = try await tenants.create(
                Tenant(id: acme, name: "Acme", isActive: true, createdAt: clock.now, updatedAt: clock.now)
            )
            let store = SourceInvoiceStore(database: database, clock: clock)
            #expect(try await tenants.recentTenant(acme)?.isActive == true)
            _ = try await TenantStore(database: database, clock: clock).update(acme) { $0.isActive = false }
            #expect(try await tenants.recentTenant(acme)?.isActive == true, "another store's change shows later")
            let saved = try await store.save(incoming("inv-1")).invoice
            #expect(saved.transferState == .skipped)
            #expect(saved.stateReason == "received while the tenant was inactive")

            let unknown = IncomingSourceInvoice(
                tenantID: TenantID("bolt"),
                sourceID: "inv-1",
                number: "R-1",
                invoiceDate: "2026-03-10",
                status: "finalized",
                cancels: nil,
                content: "{}",
                fingerprint: "sha-{}"
            )
            let error = await #expect(throws: StoreError.self) { try await store.save(unknown) }
            #expect(error?.code == .unknownTenant)
            #expect(try await store.invoice("inv-1", of: TenantID("bolt")) == nil)
        }
    }

    @Test("cancellations need their original; dates before activation are skipped", arguments: TestEngine.allCases)
    func rulesOnReceipt(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let berlinMidnight = try #require(ISO8601DateFormatter().date(from: "2026-02-28T23:00:00Z"))
            _ = try await TenantStore(database: database, clock: clock).create(
                Tenant(
                    id: acme,
                    name: "Acme",
                    isActive: true,
                    activeSince: berlinMidnight,
                    createdAt: clock.now,
                    updatedAt: clock.now
                )
            )
            let store = SourceInvoiceStore(database: database, clock: clock)
            let error = await #expect(throws: StoreError.self) {
                try await store.save(incoming("storno", cancels: "inv-1"))
            }
            #expect(error?.code == .unknownCancelledInvoice)
            #expect(try await store.invoice("storno", of: acme) == nil)

            let early = try await store.save(incoming("early", date: "2026-02-28")).invoice
            #expect(early.transferState == .skipped)
            #expect(early.stateReason?.contains("2026-03-01") == true, "activation day in Europe/Berlin")
            let onTime = try await store.save(incoming("inv-1", date: "2026-03-01")).invoice
            #expect(onTime.transferState == .pending)
            let storno = try await store.save(incoming("storno", cancels: "inv-1")).invoice
            #expect(storno.cancels == "inv-1")
            #expect(
                try await store.save(incoming("draft", status: "draft")).invoice.transferState == .stored
            )

            #expect(try await store.invoices(of: acme).map(\.sourceID) == ["early", "inv-1", "storno", "draft"])
            #expect(try await store.invoices(of: acme, state: .pending).map(\.sourceID) == ["inv-1", "storno"])
            #expect(
                try await store.invoices(of: acme, from: "2026-03-01", to: "2026-03-01").map(\.sourceID) == ["inv-1"]
            )
            let page = try await store.invoices(of: acme, limit: 2)
            #expect(
                try await store.invoices(of: acme, after: page.last?.sequence).map(\.sourceID) == ["storno", "draft"]
            )
            #expect(try await store.invoices(of: TenantID("bolt")).isEmpty)
        }
    }
}
