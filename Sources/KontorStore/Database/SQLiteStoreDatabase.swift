import Foundation
import KontorSQLite
import Logging
import SQLKit

/// An SQLite file as a ``StoreDatabase``, in WAL mode with `synchronous=FULL`, so a committed job survives a crash
/// of the process or the machine. Two connections, each with a thread of its own (``SQLiteFileConnection``): the writer, used
/// by one task at a time (transactions, group commit), and a read-only one for ``read(_:)``, which WAL lets read
/// while the writer's transaction is open.
///
/// Several processes may open the same file: SQLite's file lock serializes their transactions and
/// `busy_timeout` makes a process wait for the lock instead of failing.
package final class SQLiteStoreDatabase: StoreDatabase {
    package let kind = DatabaseKind.sqlite
    private let writer: SQLiteFileConnection
    private let database: any SQLDatabase
    private let reader: SQLiteFileConnection
    private let readerDatabase: any SQLDatabase
    private let gate: SerialGate
    private let groupCommit: GroupCommit

    private init(writer: SQLiteFileConnection, reader: SQLiteFileConnection, logger: Logger) {
        let gate = SerialGate()
        let database = SQLiteDriverDatabase(connection: writer, logger: logger)
        self.writer = writer
        self.database = database
        self.reader = reader
        self.readerDatabase = SQLiteDriverDatabase(connection: reader, logger: logger)
        self.gate = gate
        self.groupCommit = GroupCommit { body in
            try await gate.run { try await database.runTransaction(begin: "BEGIN IMMEDIATE", body) }
        }
    }

    /// Opens (and creates, with its folder) the database file at `path`.
    /// - Throws: ``StoreError`` `database-unavailable` when the file cannot be opened.
    package static func open(path: String, logger: Logger) async throws -> SQLiteStoreDatabase {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let writer: SQLiteFileConnection
        let reader: SQLiteFileConnection
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            writer = try SQLiteFileConnection(path: path)
            do {
                reader = try SQLiteFileConnection(path: path)
            } catch {
                try? await writer.stop()
                throw error
            }
        } catch {
            throw StoreError(.unavailable, "cannot open the SQLite database \(path): \(error)")
        }
        let store = SQLiteStoreDatabase(writer: writer, reader: reader, logger: logger)
        do {
            // busy_timeout first: switching a new file to WAL takes a lock another process may hold.
            for pragma in ["busy_timeout = 30000", "journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"] {
                try await store.database.raw("PRAGMA \(unsafeRaw: pragma)").run()
            }
            for pragma in ["busy_timeout = 30000", "query_only = ON"] {
                try await store.readerDatabase.raw("PRAGMA \(unsafeRaw: pragma)").run()
            }
            return store
        } catch {
            try? await store.close()
            throw StoreError(.unavailable, "cannot prepare the SQLite database \(path): \(error)")
        }
    }

    package func withConnection<Result: Sendable>(
        _ body: (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await gate.run { try await body(database) }
    }

    package func read<Result: Sendable>(
        _ body: (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await body(readerDatabase)
    }

    package func transaction<Result: Sendable>(
        _ body: (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await gate.run { try await database.runTransaction(begin: "BEGIN IMMEDIATE", body) }
    }

    package func groupedTransaction<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await groupCommit.write(body)
    }

    /// Closes the database and stops its thread; the database is unusable afterwards (statements throw).
    package func close() async throws {
        try await gate.run {
            try await reader.stop()
            try await writer.stop()
        }
    }
}
