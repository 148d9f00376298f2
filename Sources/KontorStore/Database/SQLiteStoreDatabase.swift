import Foundation
import Logging
import SQLKit
import SQLiteKit

/// An SQLite file as a ``StoreDatabase``: one connection, used by one task at a time, in WAL mode with
/// `synchronous=FULL`, so a committed job survives a crash of the process or the machine.
///
/// Several processes may open the same file: SQLite's file lock serializes their transactions and
/// `busy_timeout` makes a process wait for the lock instead of failing.
package final class SQLiteStoreDatabase: StoreDatabase {
    package let kind = DatabaseKind.sqlite
    private let connection: SQLiteConnection
    private let database: any SQLDatabase
    private let gate: SerialGate
    private let groupCommit: GroupCommit

    private init(connection: SQLiteConnection) {
        let gate = SerialGate()
        let database = connection.sql(queryLogLevel: .trace)
        self.connection = connection
        self.database = database
        self.gate = gate
        self.groupCommit = GroupCommit { body in
            try await gate.run { try await database.runTransaction(begin: "BEGIN IMMEDIATE", body) }
        }
    }

    /// Opens (and creates, with its folder) the database file at `path`.
    /// - Throws: ``StoreError`` `database-unavailable` when the file cannot be opened.
    package static func open(path: String, logger: Logger) async throws -> SQLiteStoreDatabase {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let connection: SQLiteConnection
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            throw StoreError(.unavailable, "cannot open the SQLite database \(path): \(error)")
        }
        let store = SQLiteStoreDatabase(connection: connection)
        do {
            // busy_timeout first: switching a new file to WAL takes a lock another process may hold.
            for pragma in ["busy_timeout = 30000", "journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"] {
                try await store.database.raw("PRAGMA \(unsafeRaw: pragma)").run()
            }
            return store
        } catch {
            try? await connection.close()
            throw StoreError(.unavailable, "cannot prepare the SQLite database \(path): \(error)")
        }
    }

    package func withConnection<Result: Sendable>(
        _ body: (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await gate.run { try await body(database) }
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

    /// Closes the connection; the database is unusable afterwards.
    package func close() async throws {
        try await gate.run { try await connection.close() }
    }
}
