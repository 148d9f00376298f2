import Foundation
import KontorStore
import SQLKit
import Testing

/// PostgreSQL transactions end cleanly whatever interrupts them.
@Suite("PostgreSQL transactions", .timeLimit(.minutes(1)))
struct PostgresTransactionTests {
    @Test(
        "a transaction cancelled before its rollback could be sent leaves nothing behind for the next caller",
        .enabled(if: TestEngine.postgresURL != nil, "KONTOR_TEST_POSTGRES_URL is not set (.ci/run sets it)")
    )
    func cancelledTransaction() async throws {
        let test = try await TestDatabase.make(.postgres)
        // One connection, so that the next transaction gets the connection the cancelled one used.
        let ids = try await withStoreDatabase(test.location, connections: 1, logger: TestDatabase.logger) { database in
            try await database.withConnection { db in
                try await db.raw("CREATE TABLE marks (id INTEGER PRIMARY KEY)").run()
            }
            let (inserted, signalInserted) = AsyncStream.makeStream(of: Void.self)
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    _ = try? await database.transaction { db in
                        try await db.raw("INSERT INTO marks (id) VALUES (1)").run()
                        signalInserted.yield()
                        try await Task.sleep(for: .seconds(30))
                    }
                }
                for await _ in inserted { break }
                group.cancelAll()
            }
            try await database.transaction { db in
                try await db.raw("INSERT INTO marks (id) VALUES (2)").run()
            }
            return try await database.read { db in
                try await db.raw("SELECT id FROM marks ORDER BY id").all().map {
                    try $0.decode(column: "id", as: Int.self)
                }
            }
        }
        try await test.remove()
        #expect(ids == [2], "the cancelled transaction's insert must not be committed by the next one")
    }
}
