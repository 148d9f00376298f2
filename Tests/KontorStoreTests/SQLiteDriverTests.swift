import Foundation
import KontorStore
import KontorTestSupport
import Logging
import NIOCore
import SQLKit
import Testing

/// KontorStore's own SQLite driver (system SQLite through its C API, a writer, a read-only connection and a
/// checkpointer) on real database files: values, errors, the statement cache, the read connection, checkpoints
/// and closing.
@Suite("SQLite driver", .timeLimit(.minutes(1)))
struct SQLiteDriverTests {
    private static func withDatabase(_ body: (SQLiteStoreDatabase) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-driver-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try await SQLiteStoreDatabase.open(
            path: folder.appendingPathComponent("driver.sqlite").path,
            logger: TestDatabase.logger
        )
        do {
            try await body(database)
            try await database.close()
        } catch {
            try? await database.close()
            throw error
        }
    }

    private static func createTable(in database: SQLiteStoreDatabase) async throws {
        try await database.transaction { db in
            try await db.raw("CREATE TABLE t (k TEXT PRIMARY KEY, i INTEGER, f REAL, s TEXT, b BLOB, n TEXT)").run()
        }
    }

    @Test("the writer runs in WAL mode, commits without a flush of their own; the reader cannot write")
    func connectionSettings() async throws {
        try await Self.withDatabase { database in
            func pragma(_ name: String, _ db: any SQLDatabase) async throws -> String? {
                let row = try await db.raw("PRAGMA \(unsafeRaw: name)").first()
                return try row.map { row in
                    let column = try #require(row.allColumns.first)
                    if let text = try? row.decode(column: column, as: String.self) { return text }
                    return String(try row.decode(column: column, as: Int.self))
                }
            }
            let writer = try await database.withConnection { db in
                [
                    try await pragma("journal_mode", db), try await pragma("synchronous", db),
                    try await pragma("wal_autocheckpoint", db),
                ]
            }
            #expect(
                writer == ["wal", "1", "20000"],
                "WAL, synchronous NORMAL (the store flushes the WAL), checkpoints left to the checkpointer"
            )
            let reader = try await database.read { db in try await pragma("query_only", db) }
            #expect(reader == "1")
        }
    }

    @Test("transactions run on the writer's thread, from BEGIN to COMMIT")
    func transactionsRunOnTheWriterThread() async throws {
        try await Self.withDatabase { database in
            try await Self.createTable(in: database)
            let plain = try await database.transaction { db in
                try await db.raw("INSERT INTO t (k) VALUES ('a')").run()
                return db.eventLoop.inEventLoop
            }
            let grouped = try await database.groupedTransaction { db in
                try await db.raw("INSERT INTO t (k) VALUES ('b')").run()
                return db.eventLoop.inEventLoop
            }
            let outside = try await database.withConnection { db in db.eventLoop.inEventLoop }
            #expect(plain && grouped && outside)
            let count = try await database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM t").first()?.decode(column: "n", as: Int.self)
            }
            #expect(count == 2)
        }
    }

    @Test("the checkpointer copies committed pages into the database file while the store is open")
    func backgroundCheckpoints() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-driver-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("checkpoints.sqlite").path
        func fileSize(_ path: String) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        }
        try await withStoreDatabase(.sqlite(path: path), logger: TestDatabase.logger) { database in
            try await database.transaction { db in try await db.raw("CREATE TABLE t (k INTEGER, b BLOB)").run() }
            let before = fileSize(path)
            // 2 MiB in 64 commits: far below the writer's own threshold of 20,000 pages.
            for key in 0..<64 {
                try await database.transaction { db in
                    try await db.raw("INSERT INTO t (k, b) VALUES (\(bind: key), \(bind: Data(count: 32 * 1024)))")
                        .run()
                }
            }
            let copied = try await eventually(timeout: .seconds(10)) { fileSize(path) > before + (2 << 20) }
            #expect(copied, "the database file grew by the committed pages without a commit copying them")
        }
    }

    @Test("integers, doubles, text, blobs and NULL come back as they were bound")
    func valuesRoundTrip() async throws {
        try await Self.withDatabase { database in
            try await Self.createTable(in: database)
            let rows: [(String, Int64, Double, String, Data, String?)] = [
                ("max", .max, 0.1, "Grüße 🧾 \u{0}inside", Data([0, 1, 255]), nil),
                ("min", .min, -1e300, "", Data(), "set"),
            ]
            try await database.transaction { db in
                for row in rows {
                    try await db.raw(
                        """
                        INSERT INTO t (k, i, f, s, b, n) VALUES (\(bind: row.0), \(bind: row.1), \(bind: row.2), \
                        \(bind: row.3), \(bind: row.4), \(bind: row.5))
                        """
                    ).run()
                }
            }
            for row in rows {
                let read = try await database.read { db in
                    try await db.raw("SELECT * FROM t WHERE k = \(bind: row.0)").first()
                }
                let stored = try #require(read)
                #expect(try stored.decode(column: "i", as: Int64.self) == row.1)
                #expect(try stored.decode(column: "f", as: Double.self) == row.2)
                #expect(try stored.decode(column: "s", as: String.self) == row.3)
                #expect(try stored.decode(column: "b", as: Data.self) == row.4)
                #expect(try stored.decode(column: "n", as: String?.self) == row.5)
                #expect(try stored.decodeNil(column: "n") == (row.5 == nil))
                #expect(stored.allColumns == ["k", "i", "f", "s", "b", "n"])
                #expect(!stored.contains(column: "missing"))
                #expect(throws: DecodingError.self) { try stored.decode(column: "missing", as: String.self) }
            }
        }
    }

    @Test("a failing statement reports SQLite's message and rolls its transaction back")
    func constraintFailure() async throws {
        try await Self.withDatabase { database in
            try await Self.createTable(in: database)
            try await database.transaction { db in try await db.raw("INSERT INTO t (k) VALUES ('a')").run() }
            let failure = await #expect(throws: (any Error).self) {
                try await database.transaction { db in
                    try await db.raw("INSERT INTO t (k) VALUES ('b')").run()
                    try await db.raw("INSERT INTO t (k) VALUES ('a')").run()
                }
            }
            #expect(String(describing: failure).contains("UNIQUE constraint failed: t.k"))
            let keys = try await database.read { db in
                try await db.raw("SELECT k FROM t ORDER BY k").all().map { try $0.decode(column: "k", as: String.self) }
            }
            #expect(keys == ["a"], "the transaction's first insert was rolled back with it")
        }
    }

    @Test("text with a second statement is refused instead of running only the first")
    func severalStatements() async throws {
        try await Self.withDatabase { database in
            try await Self.createTable(in: database)
            let failure = await #expect(throws: (any Error).self) {
                try await database.withConnection { db in
                    try await db.raw("INSERT INTO t (k) VALUES ('x'); DELETE FROM t").run()
                }
            }
            #expect(String(describing: failure).contains("one statement per call"))
            let count = try await database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM t").first()?.decode(column: "n", as: Int.self)
            }
            #expect(count == 0)
        }
    }

    @Test("more distinct statements than the statement cache holds all answer correctly")
    func statementCacheOverflow() async throws {
        try await Self.withDatabase { database in
            for round in 0..<2 {
                for number in 0..<300 {
                    let value = try await database.read { db in
                        try await db.raw("SELECT \(literal: number) + \(bind: round) AS v").first()?
                            .decode(column: "v", as: Int.self)
                    }
                    #expect(value == number + round)
                }
            }
        }
    }

    @Test("the read connection sees every commit, not an open transaction, and refuses writes")
    func readConnection() async throws {
        try await Self.withDatabase { database in
            try await Self.createTable(in: database)
            try await database.transaction { db in try await db.raw("INSERT INTO t (k) VALUES ('committed')").run() }
            let (inside, outside) = try await database.transaction { db in
                try await db.raw("INSERT INTO t (k) VALUES ('open')").run()
                let inside = try await db.raw("SELECT COUNT(*) AS n FROM t").first()?.decode(column: "n", as: Int.self)
                // A read while this write transaction is open: WAL answers from the last commit, without waiting.
                let outside = try await database.read { reader in
                    try await reader.raw("SELECT COUNT(*) AS n FROM t").first()?.decode(column: "n", as: Int.self)
                }
                return (inside, outside)
            }
            #expect(inside == 2)
            #expect(outside == 1)
            let after = try await database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM t").first()?.decode(column: "n", as: Int.self)
            }
            #expect(after == 2)
            let failure = await #expect(throws: (any Error).self) {
                try await database.read { db in try await db.raw("INSERT INTO t (k) VALUES ('no')").run() }
            }
            #expect(String(describing: failure).contains("readonly"))
        }
    }

    @Test("a closed database answers every call with an error instead of hanging")
    func closedDatabase() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-driver-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try await SQLiteStoreDatabase.open(
            path: folder.appendingPathComponent("driver.sqlite").path,
            logger: TestDatabase.logger
        )
        try await database.close()
        try await database.close()
        for call in 0..<3 {
            let failure = await #expect(throws: (any Error).self) {
                switch call {
                case 0: try await database.read { db in try await db.raw("SELECT 1").run() }
                case 1: try await database.transaction { db in try await db.raw("SELECT 1").run() }
                default: try await database.groupedTransaction { db in try await db.raw("SELECT 1").run() }
                }
            }
            #expect(String(describing: failure).contains("closed"))
        }
    }

    @Test("a file that cannot be opened is reported as unavailable")
    func unopenableFile() async throws {
        let failure = await #expect(throws: StoreError.self) {
            _ = try await SQLiteStoreDatabase.open(
                path: "/proc/kontor-cannot-be-here/x.sqlite",
                logger: TestDatabase.logger
            )
        }
        #expect(failure?.code == .unavailable)
    }
}
