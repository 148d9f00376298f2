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
    private let gate = SerialGate()

    private init(connection: SQLiteConnection) {
        self.connection = connection
        self.database = connection.sql(queryLogLevel: .trace)
    }

    /// Opens (and creates, with its folder) the database file at `path`.
    /// - Throws: ``StoreError`` `database-unavailable` when the file cannot be opened.
    package static func open(path: String, logger: Logger) async throws -> SQLiteStoreDatabase {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            let store = SQLiteStoreDatabase(connection: connection)
            for pragma in ["journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON", "busy_timeout = 30000"] {
                try await store.database.raw("PRAGMA \(unsafeRaw: pragma)").run()
            }
            return store
        } catch {
            throw StoreError(.unavailable, "cannot open the SQLite database \(path): \(error)")
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
        try await gate.run {
            try await database.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(database)
                try await database.raw("COMMIT").run()
                return result
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// Closes the connection; the database is unusable afterwards.
    package func close() async throws {
        try await gate.run { try await connection.close() }
    }
}
