import Foundation
import KontorStore
import Logging
import SQLKit
import Testing

@Suite("SQLite checkpoints", .timeLimit(.minutes(1)))
struct SQLiteCheckpointTests {
    @Test("while commits go on, the WAL is copied into the database file at the short interval")
    func copiesWhileWriting() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-checkpoint-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        let database = try await SQLiteStoreDatabase.open(path: path, logger: Logger(label: "test"))
        try await database.transaction { db in try await db.raw("CREATE TABLE pages (text TEXT)").run() }
        try await database.withConnection { db in try await db.raw("PRAGMA wal_checkpoint(TRUNCATE)").run() }
        let before = try fileSize(path)
        // The long interval never comes round in this test: only the short one can copy anything, and the file
        // grows only when pages are copied (the writer's own fallback is thousands of pages away).
        let checkpoints = Task { await database.runCheckpoints(every: .seconds(3600), whileWriting: .milliseconds(50)) }
        let text = String(repeating: "x", count: 4096)
        let deadline = ContinuousClock.now + .seconds(10)
        var after = before
        while after < before + 2 * 4096, ContinuousClock.now < deadline {
            try await database.transaction { db in try await db.raw("INSERT INTO pages VALUES (\(bind: text))").run() }
            after = try fileSize(path)
        }
        checkpoints.cancel()
        await checkpoints.value
        try await database.close()
        #expect(after >= before + 2 * 4096, "the database file grew from \(before) to \(after) bytes only")
    }

    private func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}
