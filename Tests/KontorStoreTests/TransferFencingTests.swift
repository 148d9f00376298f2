import Foundation
import KontorCore
import KontorFlows
import KontorStore
import KontorTestSupport
import SQLKit
import Testing

/// Exactly-once under the failures of leases, crashes and edits (issue 21, part 2), on the store's side.
@Suite("Transfer fencing", .timeLimit(.minutes(1)))
struct TransferFencingTests {
    private let acme = TenantID("acme")

    private func incoming(_ sourceID: String, content: String = "{}") -> IncomingSourceInvoice {
        IncomingSourceInvoice(
            tenantID: acme,
            sourceID: sourceID,
            number: "R-\(sourceID)",
            invoiceDate: "2026-03-10",
            status: "finalized",
            cancels: nil,
            content: content,
            fingerprint: "sha-\(content)"
        )
    }

    /// A queue with an active tenant `acme` holding one stored, pending invoice `inv-1`.
    private func prepared(_ database: any StoreDatabase, _ clock: ManualWallClock) async throws -> JobQueue {
        let tenant = Tenant(id: acme, name: "Acme", isActive: true, createdAt: clock.now, updatedAt: clock.now)
        _ = try await TenantStore(database: database, clock: clock).create(tenant)
        _ = try await SourceInvoiceStore(database: database, clock: clock).save(incoming("inv-1"))
        return JobQueue(database: database, clock: clock)
    }

    /// Leases `acme` for `owner` and claims its next job.
    private func claim(_ queue: JobQueue, owner: String) async throws -> Job {
        #expect(try await queue.leaseReadyTenants(owner: owner, limit: 1, duration: .seconds(30)) == [acme])
        return try #require(try await queue.claimNextJob(of: acme, owner: owner, leaseDuration: .seconds(30)))
    }

    @Test(
        "a claim whose lease was taken over, even by the same worker, writes nothing; its successor writes",
        arguments: TestEngine.allCases
    )
    func lostLeaseWritesNothing(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let queue = try await prepared(database, clock)
            let ledger = TransferLedger(queue: queue)
            let first = try await claim(queue, owner: "worker")
            let firstClaim = try #require(first.claim)
            let invoice = try #require(try await ledger.begin("inv-1", of: acme, under: firstClaim))

            clock.advance(by: .seconds(31))
            let again = try await claim(queue, owner: "worker")
            let secondClaim = try #require(again.claim)
            #expect(secondClaim.owner == firstClaim.owner)
            #expect(secondClaim.epoch > firstClaim.epoch)

            let refused = await #expect(throws: FlowProblem.self) {
                try await ledger.recordIntent(.invoice, fingerprint: "f", of: invoice, under: firstClaim)
            }
            #expect(refused?.code == .leaseLost)
            await #expect(throws: FlowProblem.self) {
                try await ledger.fail("inv-1", of: acme, reason: "late", under: firstClaim)
            }
            #expect(try await ledger.steps(of: invoice).isEmpty)
            #expect(try await ledger.invoice("inv-1", of: acme)?.transferState == .transferring)
            #expect(try await queue.finish(first, owner: "worker", outcome: .completed) == nil)
            #expect(try await queue.renewLease(of: acme, claim: firstClaim, duration: .seconds(30)) == false)

            try await ledger.recordIntent(.invoice, fingerprint: "f", of: invoice, under: secondClaim)
            #expect(try await ledger.steps(of: invoice).map(\.name) == [.invoice])
            #expect(try await queue.finish(again, owner: "worker", outcome: .completed) == .done)
        }
    }

    @Test(
        "a job whose worker goes away during every attempt is dead after its last one, retryable by hand",
        arguments: TestEngine.allCases
    )
    func poisonJobDies(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let queue = JobQueue(database: database, clock: clock)
            _ = try await queue.enqueue(NewJob(tenantID: acme, kind: "k", maxAttempts: 2))
            let job = try await claim(queue, owner: "crashing-1")
            clock.advance(by: .seconds(31))
            #expect(try await claim(queue, owner: "crashing-2").id == job.id)
            clock.advance(by: .seconds(31))
            #expect(try await queue.leaseReadyTenants(owner: "crashing-3", limit: 1, duration: .seconds(30)) == [acme])
            #expect(try await queue.claimNextJob(of: acme, owner: "crashing-3", leaseDuration: .seconds(30)) == nil)
            let dead = try #require(try await queue.job(job.id))
            #expect(dead.state == .dead)
            #expect(dead.attempts == 2)
            #expect(dead.lastError?.contains("its worker stopped") == true)

            let retried = try await queue.retry(job.id)
            #expect(retried.state == .queued)
            #expect(retried.attempts == 0)
        }
    }

    @Test(
        "an invoice with a recorded step cannot change, also after a retry made it pending again",
        arguments: TestEngine.allCases
    )
    func stepsNeverGoStale(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let queue = try await prepared(database, clock)
            let ledger = TransferLedger(queue: queue)
            let store = SourceInvoiceStore(database: database, clock: clock)
            let job = try await claim(queue, owner: "worker")
            let claim = try #require(job.claim)
            let invoice = try #require(try await ledger.begin("inv-1", of: acme, under: claim))
            try await ledger.recordIntent(.contact, fingerprint: "c", of: invoice, under: claim)
            try await ledger.recordDone(.contact, lexofficeID: "contact-1", note: nil, of: invoice, under: claim)
            try await ledger.fail("inv-1", of: acme, reason: "lexoffice refused", under: claim)
            _ = try await queue.finish(job, owner: "worker", outcome: .failed(reason: "lexoffice refused"))

            #expect(try await ledger.requeue("inv-1", of: acme)?.transferState == .pending)
            let refused = await #expect(throws: StoreError.self) {
                try await store.save(incoming("inv-1", content: #"{"changed":true}"#))
            }
            #expect(refused?.code == .invoiceSent)
            #expect(try await store.invoice("inv-1", of: acme)?.content == "{}")
            #expect(try await store.save(incoming("inv-1")).invoice.version == 1)
        }
    }
}
