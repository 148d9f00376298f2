import Foundation
import KontorCore
import KontorFlows
import KontorStore
import KontorTestSupport
import Testing

@Suite("Job queue", .timeLimit(.minutes(1)))
struct JobQueueTests {
    private let acme = TenantID("acme")
    private let bolt = TenantID("bolt")

    private func queue(_ database: any StoreDatabase, _ clock: ManualWallClock, maxAttempts: Int = 3) -> JobQueue {
        JobQueue(
            database: database,
            clock: clock,
            backoff: RetryBackoff(base: .seconds(10), cap: .seconds(60)),
            defaultMaxAttempts: maxAttempts
        )
    }

    @Test("a dedupe key stores a job once; jobs without a key are never deduplicated", arguments: TestEngine.allCases)
    func dedupe(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let queue = queue(database, ManualWallClock())
            let first = try await queue.enqueue(NewJob(tenantID: acme, kind: "webhook", dedupeKey: "event-1"))
            let again = try await queue.enqueue(NewJob(tenantID: acme, kind: "webhook", dedupeKey: "event-1"))
            #expect(again == .duplicate(first.jobID))
            guard case .enqueued = first else {
                Issue.record("first enqueue was \(first)")
                return
            }
            let a = try await queue.enqueue(NewJob(tenantID: acme, kind: "transfer"))
            let b = try await queue.enqueue(NewJob(tenantID: acme, kind: "transfer"))
            #expect(a.jobID != b.jobID)
            #expect(try await queue.counts()[.queued] == 3)
        }
    }

    @Test(
        "many jobs at once (more than one statement's worth) keep their order; a taken dedupe key stands",
        arguments: TestEngine.allCases
    )
    func enqueueMany(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let queue = queue(database, ManualWallClock())
            let existing = try await queue.enqueue(NewJob(tenantID: acme, kind: "k", payload: "old", dedupeKey: "k-7"))
            let jobs = (0..<600).map { number in
                NewJob(
                    tenantID: number.isMultiple(of: 2) ? acme : bolt,
                    kind: "k",
                    payload: "\(number)",
                    dedupeKey: "k-\(number)"
                )
            }
            try await database.transaction { db in try await queue.enqueue(contentsOf: jobs, in: db) }
            let stored = try await queue.jobs(limit: 1000)
            #expect(stored.count == 600, "599 new jobs and the one that held k-7")
            #expect(stored.first?.id == existing.jobID)
            #expect(stored.first?.payload == "old")
            #expect(stored.dropFirst().map(\.payload) == (0..<600).filter { $0 != 7 }.map { "\($0)" })
            #expect(stored.dropFirst().allSatisfy { $0.state == .queued && $0.attempts == 0 })
            #expect(stored.filter { $0.tenantID == bolt }.count == 299, "the odd numbers but 7")
        }
    }

    @Test("a tenant's jobs are claimed in enqueue order by the lease holder only", arguments: TestEngine.allCases)
    func leaseAndOrder(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let queue = queue(database, ManualWallClock())
            var ids: [JobID] = []
            for number in 1...3 {
                ids.append(
                    try await queue.enqueue(NewJob(tenantID: acme, kind: "k", payload: "{\"n\":\(number)}")).jobID
                )
            }
            #expect(try await queue.leaseReadyTenants(owner: "w1", limit: 10, duration: .seconds(30)) == [acme])
            #expect(try await queue.leaseReadyTenants(owner: "w2", limit: 10, duration: .seconds(30)) == [])
            #expect(try await queue.claimNextJob(of: acme, owner: "w2", leaseDuration: .seconds(30)) == nil)
            var claimed: [JobID] = []
            while let job = try await queue.claimNextJob(of: acme, owner: "w1", leaseDuration: .seconds(30)) {
                #expect(job.state == .running)
                #expect(job.attempts == 1)
                claimed.append(job.id)
                #expect(try await queue.finish(job, owner: "w1", outcome: .completed) == .done)
            }
            #expect(claimed == ids)
            try await queue.releaseLease(of: acme, owner: "w1")
            _ = try await queue.enqueue(NewJob(tenantID: acme, kind: "k"))
            #expect(try await queue.leaseReadyTenants(owner: "w2", limit: 10, duration: .seconds(30)) == [acme])
        }
    }

    @Test(
        "finishing a job claims the tenant's next one in the same commit; a lost lease records and claims nothing",
        arguments: TestEngine.allCases
    )
    func finishAndClaimNext(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let queue = queue(database, clock)
            var ids: [JobID] = []
            for _ in 1...3 { ids.append(try await queue.enqueue(NewJob(tenantID: acme, kind: "k")).jobID) }
            _ = try await queue.enqueue(NewJob(tenantID: bolt, kind: "k"))
            #expect(try await queue.leaseReadyTenants(owner: "w1", limit: 1, duration: .seconds(30)) == [acme])
            var job = try #require(try await queue.claimNextJob(of: acme, owner: "w1", leaseDuration: .seconds(30)))
            var claimed = [job.id]
            while true {
                let (state, next) = try await queue.finish(
                    job,
                    owner: "w1",
                    outcome: .completed,
                    claimingNextWithLease: .seconds(30)
                )
                #expect(state == .done)
                guard let next else { break }
                #expect(next.state == .running && next.tenantID == acme && next.attempts == 1)
                claimed.append(next.id)
                job = next
            }
            #expect(claimed == ids, "the tenant's jobs in order, never another tenant's")
            #expect(try await queue.counts()[.done] == 3)

            _ = try await queue.enqueue(NewJob(tenantID: acme, kind: "k"))
            _ = try await queue.enqueue(NewJob(tenantID: acme, kind: "k"))
            let held = try #require(try await queue.claimNextJob(of: acme, owner: "w1", leaseDuration: .seconds(30)))
            clock.advance(by: .seconds(31))
            #expect(try await queue.leaseReadyTenants(owner: "w2", limit: 10, duration: .seconds(30)).contains(acme))
            let (state, next) = try await queue.finish(
                held,
                owner: "w1",
                outcome: .completed,
                claimingNextWithLease: .seconds(30)
            )
            #expect(state == nil && next == nil, "the lease moved to w2: w1 records nothing and claims nothing")
            #expect(try await queue.job(held.id)?.state == .queued)
        }
    }

    @Test(
        "jobs wait for their run date; tenants with the oldest due job are leased first",
        arguments: TestEngine.allCases
    )
    func runDatesAndFairness(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let queue = queue(database, clock)
            _ = try await queue.enqueue(NewJob(tenantID: acme, kind: "k", runAt: clock.now.addingTimeInterval(60)))
            _ = try await queue.enqueue(NewJob(tenantID: bolt, kind: "k"))
            #expect(try await queue.leaseReadyTenants(owner: "w", limit: 10, duration: .seconds(300)) == [bolt])
            clock.advance(by: .seconds(61))
            #expect(try await queue.leaseReadyTenants(owner: "w", limit: 10, duration: .seconds(30)) == [acme])
        }
    }

    @Test("a crashed worker's tenant is taken over after its lease expires", arguments: TestEngine.allCases)
    func takeover(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let queue = queue(database, clock)
            let id = try await queue.enqueue(NewJob(tenantID: acme, kind: "k")).jobID
            _ = try await queue.leaseReadyTenants(owner: "crashed", limit: 1, duration: .seconds(30))
            let running = try #require(
                try await queue.claimNextJob(of: acme, owner: "crashed", leaseDuration: .seconds(30))
            )
            #expect(try await queue.leaseReadyTenants(owner: "other", limit: 1, duration: .seconds(30)) == [])
            clock.advance(by: .seconds(31))
            #expect(try await queue.leaseReadyTenants(owner: "other", limit: 1, duration: .seconds(30)) == [acme])
            #expect(try await queue.job(id)?.state == .queued)
            #expect(try await queue.finish(running, owner: "crashed", outcome: .completed) == nil)
            let again = try #require(
                try await queue.claimNextJob(of: acme, owner: "other", leaseDuration: .seconds(30))
            )
            #expect(again.id == id)
            #expect(again.attempts == 2)
            let lost = try #require(running.claim)
            #expect(try await queue.renewLease(of: acme, claim: lost, duration: .seconds(30)) == false)
            #expect(try await queue.renewLease(of: acme, claim: try #require(again.claim), duration: .seconds(30)))
        }
    }

    @Test(
        "a failed attempt backs off with jitter; the last one leaves the job dead with its error",
        arguments: TestEngine.allCases
    )
    func backoffAndDead(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let queue = queue(database, clock, maxAttempts: 2)
            let id = try await queue.enqueue(NewJob(tenantID: acme, kind: "k")).jobID
            _ = try await queue.leaseReadyTenants(owner: "w", limit: 1, duration: .seconds(300))
            let first = try #require(try await queue.claimNextJob(of: acme, owner: "w", leaseDuration: .seconds(300)))
            #expect(try await queue.finish(first, owner: "w", outcome: .retry(reason: "503 from lexoffice")) == .queued)
            let waiting = try #require(try await queue.job(id))
            let wait = waiting.runAt.timeIntervalSince(clock.now)
            #expect(wait >= 5 && wait <= 10, "backoff after attempt 1 is 50–100 % of 10 s, was \(wait)")
            #expect(waiting.lastError == "503 from lexoffice")
            #expect(try await queue.claimNextJob(of: acme, owner: "w", leaseDuration: .seconds(300)) == nil)
            clock.advance(by: .seconds(11))
            let second = try #require(try await queue.claimNextJob(of: acme, owner: "w", leaseDuration: .seconds(300)))
            #expect(try await queue.finish(second, owner: "w", outcome: .retry(reason: "503 again")) == .dead)
            let dead = try #require(try await queue.job(id))
            #expect(dead.state == .dead)
            #expect(dead.lastError == "503 again")
            #expect(try await queue.jobs(state: .dead).map(\.id) == [id])

            let retried = try await queue.retry(id)
            #expect(retried.state == .queued)
            #expect(retried.attempts == 0)
            let conflict = await #expect(throws: StoreError.self) { try await queue.retry(id) }
            #expect(conflict?.code == .invalidState)
            let missing = await #expect(throws: StoreError.self) { try await queue.retry(JobID(999_999)) }
            #expect(missing?.code == .unknownJob)
        }
    }

    @Test("a permanent failure is dead at once; a server's wait hint is honoured", arguments: TestEngine.allCases)
    func permanentFailureAndHint(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let queue = queue(database, clock)
            let invalid = try await queue.enqueue(NewJob(tenantID: acme, kind: "k")).jobID
            let limited = try await queue.enqueue(NewJob(tenantID: acme, kind: "k")).jobID
            _ = try await queue.leaseReadyTenants(owner: "w", limit: 1, duration: .seconds(300))
            let first = try #require(try await queue.claimNextJob(of: acme, owner: "w", leaseDuration: .seconds(300)))
            #expect(first.id == invalid)
            #expect(try await queue.finish(first, owner: "w", outcome: .failed(reason: "406 invalid contact")) == .dead)
            let second = try #require(try await queue.claimNextJob(of: acme, owner: "w", leaseDuration: .seconds(300)))
            #expect(second.id == limited)
            _ = try await queue.finish(second, owner: "w", outcome: .retry(reason: "429", after: .seconds(42)))
            let waiting = try #require(try await queue.job(limited))
            #expect(abs(waiting.runAt.timeIntervalSince(clock.now) - 42) < 0.01)
        }
    }

    @Test(
        "pausing a tenant keeps its jobs queued without using attempts until it is resumed",
        arguments: TestEngine.allCases
    )
    func pauseAndResume(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let queue = queue(database, ManualWallClock())
            let id = try await queue.enqueue(NewJob(tenantID: acme, kind: "k")).jobID
            _ = try await queue.leaseReadyTenants(owner: "w", limit: 1, duration: .seconds(30))
            let job = try #require(try await queue.claimNextJob(of: acme, owner: "w", leaseDuration: .seconds(30)))
            #expect(
                try await queue.finish(job, owner: "w", outcome: .pauseTenant(reason: "reconnect needed")) == .queued
            )
            try await queue.releaseLease(of: acme, owner: "w")
            #expect(try await queue.job(id)?.attempts == 0)
            #expect(try await queue.pauseReason(of: acme) == "reconnect needed")
            #expect(try await queue.leaseReadyTenants(owner: "w", limit: 1, duration: .seconds(30)) == [])
            try await queue.resumeTenant(acme)
            #expect(try await queue.pauseReason(of: acme) == nil)
            #expect(try await queue.leaseReadyTenants(owner: "w", limit: 1, duration: .seconds(30)) == [acme])
        }
    }

    @Test("listing pages through jobs by cursor and filters by state and tenant", arguments: TestEngine.allCases)
    func listing(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let queue = queue(database, ManualWallClock())
            for index in 0..<5 {
                _ = try await queue.enqueue(NewJob(tenantID: index.isMultiple(of: 2) ? acme : bolt, kind: "k"))
            }
            let firstPage = try await queue.jobs(limit: 2)
            let secondPage = try await queue.jobs(after: firstPage.last?.id, limit: 2)
            #expect(firstPage.count == 2)
            #expect(secondPage.count == 2)
            #expect(Set(firstPage.map(\.id)).isDisjoint(with: secondPage.map(\.id)))
            #expect(try await queue.jobs(tenant: acme).count == 3)
            #expect(try await queue.jobs(state: .queued, tenant: bolt).count == 2)
            #expect(try await queue.jobs(state: .done).isEmpty)
        }
    }
}
