import Foundation
import KontorCore
import KontorStore
import KontorTestSupport
import SQLKit
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
}
