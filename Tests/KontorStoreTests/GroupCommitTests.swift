import Foundation
import KontorCore
import KontorFlows
import KontorStore
import KontorTestSupport
import SQLKit
import Synchronization
import Testing

@Suite("Grouped transactions", .timeLimit(.minutes(1)))
struct GroupCommitTests {
    private struct RejectedWrite: Error, Equatable {
        var number: Int
    }

    @Test("concurrent writes are all committed, each with its own result", arguments: TestEngine.allCases)
    func concurrentWrites(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let queue = JobQueue(database: database)
            let results = try await withThrowingTaskGroup(of: EnqueueResult.self) { group in
                for number in 0..<300 {
                    group.addTask {
                        try await queue.enqueue(
                            NewJob(tenantID: TenantID("t\(number % 7)"), kind: "k", dedupeKey: "key-\(number)")
                        )
                    }
                }
                return try await group.reduce(into: [EnqueueResult]()) { $0.append($1) }
            }
            #expect(Set(results.map(\.jobID)).count == 300)
            #expect(results.allSatisfy { if case .enqueued = $0 { true } else { false } })
            #expect(try await queue.counts()[.queued] == 300)
            let stored = try await queue.jobs(limit: 1000)
            #expect(Set(stored.compactMap(\.dedupeKey)) == Set((0..<300).map { "key-\($0)" }))
        }
    }

    @Test("a write that throws is undone alone; its caller gets its error", arguments: TestEngine.allCases)
    func failingWriteIsIsolated(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let queue = JobQueue(database: database)
            let outcomes = await withTaskGroup(of: (Int, Result<JobID, RejectedWrite>).self) { group in
                for number in 0..<100 {
                    group.addTask {
                        do {
                            let id = try await database.groupedTransaction { db in
                                let result = try await queue.enqueue(
                                    NewJob(tenantID: TenantID("acme"), kind: "k", dedupeKey: "key-\(number)"),
                                    in: db
                                )
                                if number % 5 == 0 { throw RejectedWrite(number: number) }
                                return result.jobID
                            }
                            return (number, .success(id))
                        } catch let error as RejectedWrite {
                            return (number, .failure(error))
                        } catch {
                            Issue.record("write \(number) failed with \(error)")
                            return (number, .failure(RejectedWrite(number: -1)))
                        }
                    }
                }
                return await group.reduce(into: [Int: Result<JobID, RejectedWrite>]()) { $0[$1.0] = $1.1 }
            }
            for (number, outcome) in outcomes {
                if number % 5 == 0 {
                    #expect(throws: RejectedWrite(number: number)) { try outcome.get() }
                } else {
                    #expect(throws: Never.self) { try outcome.get() }
                }
            }
            let stored = try await queue.jobs(limit: 1000)
            let expected = Set((0..<100).filter { $0 % 5 != 0 }.map { "key-\($0)" })
            #expect(Set(stored.compactMap(\.dedupeKey)) == expected)
            #expect(stored.count == 80)
        }
    }

    @Test("a grouped write sees the committed data and its own statements", arguments: TestEngine.allCases)
    func readsInsideWrite(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let queue = JobQueue(database: database)
            let first = try await queue.enqueue(NewJob(tenantID: TenantID("acme"), kind: "k", dedupeKey: "a"))
            let seen = try await database.groupedTransaction { db in
                let again = try await queue.enqueue(
                    NewJob(tenantID: TenantID("acme"), kind: "k", dedupeKey: "a"),
                    in: db
                )
                let count = try await db.raw("SELECT COUNT(*) AS n FROM jobs").first()?.decode(
                    column: "n",
                    as: Int.self
                )
                return (again, count)
            }
            #expect(seen.0 == .duplicate(first.jobID))
            #expect(seen.1 == 1)
        }
    }

    @Test("the next batch commits while the previous one is made durable; a caller returns once its batch is durable")
    func durabilityOverlapsTheNextBatch() async throws {
        try await TestDatabase.with(.sqlite) { database, _ in
            let durableCalls = Atomic(0)
            let heldFlush = Mutex<(@Sendable ((any Error)?) -> Void)?>(nil)
            let commit = GroupCommit(
                transaction: { body in try await database.transaction { db in try await body(db) } },
                makeDurable: { done in
                    // The first batch stays "on its way to disk" until the test releases it.
                    guard durableCalls.add(1, ordering: .relaxed).newValue == 1 else { return done(nil) }
                    heldFlush.withLock { $0 = done }
                }
            )
            let firstReturned = Atomic(false)
            let first = Task {
                let result = try await commit.write { _ in "first" }
                firstReturned.store(true, ordering: .relaxed)
                return result
            }
            let firstIsFlushing = try await eventually { durableCalls.load(ordering: .relaxed) == 1 }
            #expect(firstIsFlushing)
            let second = try await commit.write { _ in "second" }
            #expect(second == "second")
            let calls = durableCalls.load(ordering: .relaxed)
            #expect(calls == 2, "the second batch was committed and made durable")
            let returnedEarly = firstReturned.load(ordering: .relaxed)
            #expect(!returnedEarly, "the first caller waits for its batch to be durable")
            let finishFlush = try #require(heldFlush.withLock { $0 })
            finishFlush(nil)
            #expect(try await first.value == "first")
        }
    }

    @Test("one caller commits the writes that arrive while it drives, batch after batch, in one exclusive turn")
    func oneDriverCommitsSeveralBatches() async throws {
        try await TestDatabase.with(.sqlite) { database, _ in
            let turns = Atomic(0)
            let transactions = Atomic(0)
            let secondWriteQueued = AsyncStream<Void>.makeStream()
            let commit = GroupCommit(
                drivingTime: .seconds(10),
                exclusive: { batches in
                    turns.add(1, ordering: .relaxed)
                    try await batches()
                },
                transaction: { body in
                    // The first batch waits until the second write is queued behind it.
                    if transactions.add(1, ordering: .relaxed).newValue == 1 {
                        for await _ in secondWriteQueued.stream { break }
                    }
                    try await database.transaction { db in try await body(db) }
                }
            )
            async let first = commit.write { _ in "first" }
            let firstIsCommitting = try await eventually { transactions.load(ordering: .relaxed) == 1 }
            #expect(firstIsCommitting)
            async let second = commit.write { _ in "second" }
            let secondIsQueued = try await eventually { commit.waitingWrites == 1 }
            #expect(secondIsQueued)
            secondWriteQueued.continuation.yield()
            let results = try await [first, second]
            #expect(results == ["first", "second"])
            let counts = (turns.load(ordering: .relaxed), transactions.load(ordering: .relaxed))
            #expect(counts == (1, 2), "two batches in the first caller's one turn")
        }
    }

    @Test("when a committed batch cannot be made durable, its callers get the error")
    func durabilityFailureReachesCallers() async throws {
        struct DiskFailure: Error, Equatable {}
        try await TestDatabase.with(.sqlite) { database, _ in
            let commit = GroupCommit(
                transaction: { body in try await database.transaction { db in try await body(db) } },
                makeDurable: { done in done(DiskFailure()) }
            )
            await #expect(throws: DiskFailure()) { try await commit.write { _ in 1 } }
        }
    }
}
