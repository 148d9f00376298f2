import Foundation
import KontorCore
import KontorFlows
import KontorStore
import KontorTestSupport
import Testing

@Suite("Job retry windows", .timeLimit(.minutes(1)))
struct JobRetryWindowTests {
    private let acme = TenantID("acme")

    /// Claims `acme`'s next job as `owner` once it is due.
    private func claim(_ queue: JobQueue, _ clock: ManualWallClock) async throws -> Job {
        _ = try await queue.leaseReadyTenants(owner: "w", limit: 1, duration: .seconds(30))
        return try #require(try await queue.claimNextJob(of: acme, owner: "w", leaseDuration: .seconds(30)))
    }

    @Test(
        "a kind with a retry window is retried past its attempts until the window since its first failure ends",
        arguments: TestEngine.allCases
    )
    func retriesUntilWindowEnds(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let queue = JobQueue(
                database: database,
                clock: clock,
                backoff: RetryBackoff(base: .seconds(60), cap: .seconds(60), jitter: 0),
                defaultMaxAttempts: 2,
                retryWindows: ["transfer": .seconds(3600)]
            )
            let id = try await queue.enqueue(NewJob(tenantID: acme, kind: "transfer")).jobID
            for attempt in 1...5 {
                let job = try await claim(queue, clock)
                #expect(job.attempts == attempt)
                #expect(job.givesUpAt == Date(millisecondsSince1970: 1_790_000_000_000 + 3_600_000))
                #expect(job.mayRetry(at: clock.now))
                #expect(try await queue.finish(job, owner: "w", outcome: .retry(reason: "lexoffice down")) == .queued)
                try await queue.releaseLease(of: acme, owner: "w")
                clock.advance(by: .seconds(61))
            }
            clock.advance(by: .seconds(3600))
            let late = try await claim(queue, clock)
            #expect(!late.mayRetry(at: clock.now))
            #expect(try await queue.finish(late, owner: "w", outcome: .retry(reason: "lexoffice down")) == .dead)
            #expect(try await queue.job(id)?.lastError == "lexoffice down")
        }
    }

    @Test(
        "a success or a pause of the tenant ends the run of failures; the next failure starts a new window",
        arguments: TestEngine.allCases
    )
    func successResetsWindow(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let queue = JobQueue(
                database: database,
                clock: clock,
                backoff: RetryBackoff(base: .seconds(1), cap: .seconds(1), jitter: 0),
                retryWindows: ["transfer": .seconds(600)]
            )
            _ = try await queue.enqueue(NewJob(tenantID: acme, kind: "transfer"))
            _ = try await queue.enqueue(NewJob(tenantID: acme, kind: "transfer"))
            let first = try await claim(queue, clock)
            #expect(try await queue.finish(first, owner: "w", outcome: .completed) == .done)
            clock.advance(by: .seconds(900))
            let second = try await claim(queue, clock)
            #expect(second.givesUpAt == clock.now.addingTimeInterval(600))
            _ = try await queue.finish(second, owner: "w", outcome: .retry(reason: "down"))
            clock.advance(by: .seconds(300))
            let again = try await claim(queue, clock)
            #expect(again.givesUpAt == clock.now.addingTimeInterval(300), "the window counts from the first failure")
            _ = try await queue.finish(again, owner: "w", outcome: .pauseTenant(reason: "reconnect needed"))
            try await queue.resumeTenant(acme)
            clock.advance(by: .seconds(3600))
            let resumed = try await claim(queue, clock)
            #expect(resumed.givesUpAt == clock.now.addingTimeInterval(600), "the time paused does not count")
        }
    }

    @Test("a kind without a window is dead after its attempts, as before")
    func countedKinds() {
        var job = Job(
            id: JobID(1),
            tenantID: acme,
            kind: "k",
            payload: "{}",
            state: .running,
            attempts: 3,
            maxAttempts: 3,
            runAt: Date(),
            createdAt: Date(),
            updatedAt: Date(),
            dedupeKey: nil,
            lastError: nil
        )
        #expect(!job.mayRetry(at: Date()))
        job.attempts = 2
        #expect(job.mayRetry(at: Date()))
    }
}
