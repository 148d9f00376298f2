import Foundation
import KontorCore
import KontorFlows
import KontorStore
import KontorTestSupport
import LexofficeKit
import SQLKit
import Testing

/// The archive's store (issue 25): settings with sealed sinks, one item per document, jobs queued once per trigger
/// and only under the tenant's lease, backfill pages with their documents in one commit.
@Suite("Archive store", .timeLimit(.minutes(1)))
struct ArchiveStoreTests {
    private let acme = TenantID("acme")

    /// An archive store over a database with tenant `acme`.
    private func prepared(_ database: any StoreDatabase, _ clock: ManualWallClock) async throws -> ArchiveStore {
        let tenant = Tenant(id: acme, name: "Acme", isActive: true, createdAt: clock.now, updatedAt: clock.now)
        _ = try await TenantStore(database: database, clock: clock).create(tenant)
        let box = try SecretBox(masterKey: Data(repeating: 7, count: 32))
        return ArchiveStore(queue: JobQueue(database: database, clock: clock), secrets: box)
    }

    /// Leases `acme` for `owner` and claims its next job.
    private func claim(_ queue: JobQueue, owner: String = "worker") async throws -> Job {
        #expect(try await queue.leaseReadyTenants(owner: owner, limit: 1, duration: .seconds(30)) == [acme])
        return try #require(try await queue.claimNextJob(of: acme, owner: owner, leaseDuration: .seconds(30)))
    }

    private func settings(secret: String) -> ArchiveSettings {
        var s3 = ArchiveSinkSettings(type: .s3)
        s3.endpoint = "http://127.0.0.1:9"
        s3.region = "eu-central-1"
        s3.bucket = "archive"
        s3.accessKeyId = "AK"
        s3.secretAccessKey = secret
        return ArchiveSettings(
            isActive: true,
            activeSince: Date(millisecondsSince1970: 1_767_225_600_000),
            documentTypes: [.invoice, .creditNote],
            sinks: [s3]
        )
    }

    @Test(
        "settings round-trip with the sinks sealed: the secret is not in the database",
        arguments: TestEngine.allCases
    )
    func sealedSettings(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let store = try await prepared(database, ManualWallClock())
            let secret = "secret-\(UUID())"
            try await store.save(settings(secret: secret), of: acme)
            #expect(try await store.settings(of: acme) == settings(secret: secret))
            let raw = try await database.read { db in
                try await db.raw("SELECT sinks FROM archive_settings").first()?.decode(column: "sinks", as: String.self)
            }
            #expect(raw?.hasPrefix("v1:") == true && raw?.contains(secret) == false)
            #expect(try await store.events(for: acme).contains(.creditNoteStatusChanged))

            #expect(try await store.isStampSecret("anything", of: acme) == false)
            let first = try await store.rotateStampSecret(of: acme)
            #expect(try await store.isStampSecret(first, of: acme))
            let second = try await store.rotateStampSecret(of: acme)
            #expect(try await store.isStampSecret(first, of: acme) == false)
            #expect(try await store.isStampSecret(second, of: acme))
        }
    }

    @Test(
        "a request makes one item and one job per trigger, only under the lease; an archived item stays archived",
        arguments: TestEngine.allCases
    )
    func requests(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let store = try await prepared(database, clock)
            try await store.save(settings(secret: "s"), of: acme)
            let queue = store.queue
            _ = try await queue.enqueue(NewJob(tenantID: acme, kind: "webhook"))
            let job = try await claim(queue)
            let claim = try #require(job.claim)
            let request = ArchiveRequest(lexofficeID: "doc-1", type: .invoice)
            try await store.request(request, of: acme, trigger: "event-1", under: claim)
            try await store.request(request, of: acme, trigger: "event-1", under: claim)
            try await store.request(request, of: acme, trigger: "event-2", under: claim)
            let jobs = try await queue.jobs().filter { $0.kind == ArchiveRequest.jobKind }
            #expect(jobs.count == 2, "one job per trigger")
            #expect(try await store.item("doc-1", of: acme)?.state == .pending)

            let keys = [[ArchiveWrittenKey(kind: .pdf, key: "acme/2026/invoice/R-1.pdf")]]
            try await store.beginAttempt(request, of: acme, under: claim)
            try await store.record(
                ArchiveItemUpdate(
                    state: .archived,
                    number: "R-1",
                    keys: keys,
                    documentStatus: "open",
                    fingerprint: "f1",
                    sinksDigest: "d1"
                ),
                for: request,
                of: acme,
                under: claim
            )
            try await store.request(request, of: acme, trigger: "event-3", under: claim)
            let item = try #require(try await store.item("doc-1", of: acme))
            #expect(item.state == .archived && item.keys == keys && item.number == "R-1" && item.attempts == 1)
            #expect(try await store.counts(of: acme) == [.archived: 1])

            // The lease taken over: the old claim writes nothing.
            clock.advance(by: .seconds(31))
            _ = try await self.claim(queue)
            let refused = await #expect(throws: FlowProblem.self) {
                try await store.record(
                    ArchiveItemUpdate(state: .failed, reason: "late"),
                    for: request,
                    of: acme,
                    under: claim
                )
            }
            #expect(refused?.code == .leaseLost)
            #expect(try await store.item("doc-1", of: acme)?.state == .archived)
        }
    }

    @Test(
        "a backfill page queues its documents and advances in one commit; a page read twice queues nothing more",
        arguments: TestEngine.allCases
    )
    func backfillPages(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let store = try await prepared(database, ManualWallClock())
            try await store.save(settings(secret: "s"), of: acme)
            let started = try await store.startBackfill(
                from: try PlainDate("2026-01-01"),
                to: try PlainDate("2026-01-31"),
                of: acme
            )
            #expect(started.nextPage == 0)
            await #expect(throws: StoreError.self) {
                _ = try await store.startBackfill(
                    from: try PlainDate("2026-01-01"),
                    to: try PlainDate("2026-01-31"),
                    of: acme
                )
            }
            let job = try await claim(store.queue)
            #expect(job.kind == ArchiveBackfill.jobKind)
            let claim = try #require(job.claim)
            let page = (0..<3).map { ArchiveRequest(lexofficeID: "doc-\($0)", type: .invoice, isBackfill: true) }
            let whole = started.window
            #expect(whole == ArchiveBackfillWindow(from: try PlainDate("2026-01-01"), to: try PlainDate("2026-01-31")))
            let half = try #require(whole.earlierHalf)
            try await store.narrowBackfill(whole, to: half, tenant: acme, under: claim)
            try await store.narrowBackfill(whole, to: half, tenant: acme, under: claim)
            var progress = try #require(try await store.backfill(of: acme))
            #expect(progress.window.from.description == "2026-01-01" && progress.window.to.description == "2026-01-16")
            let rest = try #require(half.following(through: progress.to))
            for _ in 0..<2 {  // the same page twice, as after a crash: no effect the second time
                try await store.recordBackfillPage(
                    0,
                    of: 1,
                    in: half,
                    requests: page,
                    then: rest,
                    tenant: acme,
                    under: claim
                )
            }
            progress = try #require(try await store.backfill(of: acme))
            #expect(progress.window == rest && progress.nextPage == 0 && progress.queued == 3)
            #expect(progress.finishedAt == nil)
            try await store.recordBackfillPage(0, of: 2, in: rest, requests: [], then: nil, tenant: acme, under: claim)
            progress = try #require(try await store.backfill(of: acme))
            #expect(progress.nextPage == 1 && progress.finishedAt == nil)
            try await store.recordBackfillPage(1, of: 2, in: rest, requests: [], then: nil, tenant: acme, under: claim)
            progress = try #require(try await store.backfill(of: acme))
            #expect(progress.finishedAt != nil && progress.totalPages == 2)
            #expect(try await store.queue.jobs().filter { $0.kind == ArchiveRequest.jobKind }.count == 3)
            #expect(try await store.items(of: acme, state: .pending, after: nil, limit: 10).count == 3)
        }
    }
}
