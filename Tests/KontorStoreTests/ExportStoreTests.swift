import Foundation
import KontorCore
import KontorFlows
import KontorStore
import KontorTestSupport
import SQLKit
import Testing

@Suite("Invoice exports in the store", .timeLimit(.minutes(1)))
struct ExportStoreTests {
    private let acme = TenantID("acme")

    private func incoming(_ sourceID: String, date: String, status: String = "finalized") -> IncomingSourceInvoice {
        IncomingSourceInvoice(
            tenantID: acme,
            sourceID: sourceID,
            number: "R-\(sourceID)",
            invoiceDate: date,
            status: status,
            cancels: nil,
            content: "{}",
            fingerprint: "sha-\(sourceID)"
        )
    }

    @Test(
        "an export queues the range's pending and failed finalized invoices in order and counts the rest as skipped",
        arguments: TestEngine.allCases
    )
    func start(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            _ = try await TenantStore(database: database, clock: clock).create(
                Tenant(
                    id: acme,
                    name: "Acme",
                    settings: TenantSettings(autoTransfer: false),
                    isActive: true,
                    createdAt: clock.now,
                    updatedAt: clock.now
                )
            )
            let invoices = SourceInvoiceStore(database: database, clock: clock)
            for (sourceID, date, status) in [
                ("b", "2026-03-02", "finalized"), ("a", "2026-03-01", "finalized"), ("draft", "2026-03-03", "draft"),
                ("sent", "2026-03-04", "finalized"), ("failed", "2026-03-05", "finalized"),
                ("april", "2026-04-01", "finalized"),
            ] {
                _ = try await invoices.save(incoming(sourceID, date: date, status: status))
            }
            try await database.transaction { db in
                try await db.raw(
                    "UPDATE source_invoices SET transfer_state = 'transferred' WHERE source_id = 'sent'"
                ).run()
                try await db.raw(
                    "UPDATE source_invoices SET transfer_state = 'failed', state_reason = 'x' WHERE source_id = 'failed'"
                ).run()
            }
            let queue = JobQueue(database: database, clock: clock)
            let export = try await ExportStore(queue: queue).start(
                for: acme,
                from: try #require(SourceDate("2026-03-01")),
                to: try #require(SourceDate("2026-03-31")),
                statuses: [.finalized, .draft]
            )
            #expect(export.total == 5)
            #expect(export.skipped == 2, "the draft and the transferred one")
            #expect(export.pending == 3)
            let jobs = try await queue.jobs(tenant: acme)
            let queued = jobs.compactMap { TransferJob(payload: $0.payload)?.sourceId }
            #expect(queued == ["b", "a", "failed"], "in the order received")
            #expect(Set(jobs.compactMap(\.dedupeKey)).count == 3)
            let failed = try await invoices.invoice("failed", of: acme)
            #expect(failed?.transferState == .pending)
            #expect(failed?.stateReason == nil)
            #expect(try await invoices.invoice("sent", of: acme)?.transferState == .transferred)
            #expect(try await invoices.invoice("april", of: acme)?.transferState == .pending)
        }
    }
}
