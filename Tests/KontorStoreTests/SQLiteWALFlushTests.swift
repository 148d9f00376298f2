import Foundation
import KontorSQLite
import KontorStore
import KontorTestSupport
import SQLKit
import Testing

/// The store's own flush of the WAL file (commits with `synchronous=NORMAL`, made durable before a write returns),
/// on real files.
@Suite("SQLite WAL flush", .timeLimit(.minutes(1)))
struct SQLiteWALFlushTests {
    private static func withFolder(_ body: (URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-flush-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(folder)
    }

    @Test("a database without a WAL file has nothing to flush")
    func noWALFile() async throws {
        try await Self.withFolder { folder in
            let flush = SQLiteWALFlush(databasePath: folder.appendingPathComponent("none.sqlite").path)
            try await flush.flush()
            #expect(flush.flushCount == 0)
            try await flush.stop()
        }
    }

    @Test("every write of the store is followed by a flush of its WAL file")
    func storeWritesFlush() async throws {
        try await Self.withFolder { folder in
            let path = folder.appendingPathComponent("store.sqlite").path
            let database = try await SQLiteStoreDatabase.open(path: path, logger: TestDatabase.logger)
            let before = database.walFlushCount
            try await database.transaction { db in try await db.raw("CREATE TABLE t (k TEXT PRIMARY KEY)").run() }
            #expect(database.walFlushCount == before + 1)
            try await database.withConnection { db in try await db.raw("INSERT INTO t (k) VALUES ('a')").run() }
            #expect(database.walFlushCount == before + 2)
            try await database.groupedTransaction { db in try await db.raw("INSERT INTO t (k) VALUES ('b')").run() }
            #expect(database.walFlushCount == before + 3)
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
            try await database.close()
        }
    }

    @Test("concurrent callers share flushes; each returns after a flush that began after its call")
    func concurrentCallersShare() async throws {
        try await Self.withFolder { folder in
            let path = folder.appendingPathComponent("shared.sqlite").path
            try Data("frames".utf8).write(to: URL(fileURLWithPath: path + "-wal"))
            let flush = SQLiteWALFlush(databasePath: path)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<200 { group.addTask { try await flush.flush() } }
                try await group.waitForAll()
            }
            #expect(flush.flushCount >= 1)
            #expect(flush.flushCount < 200, "callers that arrive during a flush share the next one")
            let shared = flush.flushCount
            try await flush.flush()
            #expect(flush.flushCount == shared + 1, "a caller after the others gets a flush of its own")
            try await flush.stop()
        }
    }

    @Test("a WAL file replaced on disk is opened again, not the old one flushed")
    func replacedFile() async throws {
        try await Self.withFolder { folder in
            let path = folder.appendingPathComponent("replaced.sqlite").path
            let wal = URL(fileURLWithPath: path + "-wal")
            try Data("first".utf8).write(to: wal)
            let flush = SQLiteWALFlush(databasePath: path)
            try await flush.flush()
            try FileManager.default.removeItem(at: wal)
            try await flush.flush()
            #expect(flush.flushCount == 1, "no WAL file, nothing flushed")
            try Data("second".utf8).write(to: wal)
            try await flush.flush()
            #expect(flush.flushCount == 2)
            try await flush.stop()
            await #expect(throws: SQLiteFailure.self) { try await flush.flush() }
        }
    }
}
