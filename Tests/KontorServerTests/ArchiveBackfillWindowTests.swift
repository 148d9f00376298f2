import Foundation
import HTTPTypes
import KontorFlows
import LexofficeKit
import Testing

/// The archive's backfill in windows (issue 25): lexoffice pages through at most 10,000 matches of a query, so a
/// window with that many is halved until it holds fewer; the windows follow each other to the range's end and a
/// backfill stopped midway resumes at the window and page it was on (the store's part: `ArchiveStoreTests`).
/// Against the sandbox, with a small limit.
@Suite("Archive: backfill windows", .timeLimit(.minutes(2)))
struct ArchiveBackfillWindowTests {
    private typealias Archive = ArchiveFlowTests

    private static func window(_ from: String, _ to: String) throws -> ArchiveBackfillWindow {
        ArchiveBackfillWindow(from: try PlainDate(from), to: try PlainDate(to))
    }

    @Test("a window halves into its earlier days, a single day does not split, the next one runs to the end")
    func splitting() throws {
        let january = try Self.window("2026-01-01", "2026-01-31")
        #expect(january.days == 31)
        #expect(january.earlierHalf == (try Self.window("2026-01-01", "2026-01-16")))
        #expect(
            try Self.window("2026-01-01", "2026-01-02").earlierHalf == (try Self.window("2026-01-01", "2026-01-01"))
        )
        #expect(try Self.window("2024-02-28", "2024-03-01").days == 3, "a leap day counts")
        #expect(try Self.window("2026-03-05", "2026-03-05").earlierHalf == nil)
        let half = try #require(january.earlierHalf)
        #expect(half.following(through: january.to) == (try Self.window("2026-01-17", "2026-01-31")))
        #expect(january.following(through: january.to) == nil)
    }

    @Test("the real limit is lexoffice's search window of 10,000, which splits at 10,000 reported matches")
    func realLimit() {
        #expect(PageRequest.searchWindow == 10_000)
        #expect(ArchiveBackfill.defaultWindowLimit == 10_000)
        #expect(ArchiveBackfillWindow.isTooLarge(totalElements: 10_000, limit: PageRequest.searchWindow))
        #expect(!ArchiveBackfillWindow.isTooLarge(totalElements: 9_999, limit: PageRequest.searchWindow))
    }

    @Test("a range with more matches than the limit is archived completely in windows, each document queued once")
    func windows() async throws {
        try await Archive.withFolder { folder in
            try await HubHarness.with(lexofficeRate: 1000) { hub in
                try await Archive.archivingTenant(hub, into: folder)
                let first = Date(timeIntervalSince1970: 1_767_265_200)  // 2026-01-01 12:00 in Berlin
                var ids: Set<String> = []
                for index in 0..<12 {
                    let day = first.addingTimeInterval(Double(index) * 2 * 86_400)  // every other day from 1 January
                    ids.insert(try await Archive.invoice(hub, day: day).rawValue)
                }
                let window = try #require(try await Archive.startJanuaryBackfill(hub)["backfill"] as? [String: Any])
                #expect(
                    window["windowFrom"] as? String == "2026-01-01" && window["windowTo"] as? String == "2026-01-31"
                )
                @Sendable func backfill() async throws -> [String: Any] {
                    let archive = try await hub.send(.get, "/api/v1/tenants/acme/archive").json()
                    return try #require(archive["backfill"] as? [String: Any])
                }
                #expect(
                    try await hub.runWorkers(archiveBackfillWindowLimit: 4) {
                        guard try await backfill()["state"] as? String == "finished" else { return false }
                        return try await Archive.items(hub, state: "archived").count == 12
                    }
                )
                let archived = try await Archive.items(hub).compactMap { $0["lexofficeId"] as? String }
                #expect(Set(archived) == ids && archived.count == 12)
                let finished = try await backfill()
                #expect(finished["queued"] as? Int == 12, "no document queued twice")
                #expect(finished["windowTo"] as? String == "2026-01-31", "the last window ends with the range")
                #expect(finished["windowFrom"] as? String != "2026-01-01", "the range was split: \(finished)")
                #expect(Archive.files(in: folder).count == 24)
                let lists = try await InvoiceTransferTests.journal(hub).filter { $0 == "GET /v1/voucherlist" }
                #expect(lists.count >= 4, "the range was read in several windows: \(lists.count) lists")
            }
        }
    }
}
