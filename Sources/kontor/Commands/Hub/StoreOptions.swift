import ArgumentParser
import Foundation
import KontorCore
import KontorStore
import Logging

/// Which hub database a command works on: `--database`, else `KONTOR_DATABASE_URL`, else the embedded SQLite file.
struct StoreOptions: ParsableArguments {
    @Option(help: "A postgres:// URL or an SQLite file (default: KONTOR_DATABASE_URL, else kontor-data/kontor.sqlite).")
    var database: String?

    /// The database location these options name.
    /// - Throws: ``CommandFailure`` (usage) for an unusable URL.
    func location() throws -> DatabaseLocation {
        try Self.location(database)
    }

    /// The database named by `database`, else `KONTOR_DATABASE_URL`, else the embedded SQLite file.
    static func location(_ database: String?) throws -> DatabaseLocation {
        guard let text = database ?? ProcessInfo.processInfo.environment["KONTOR_DATABASE_URL"], !text.isEmpty else {
            return .defaultSQLite
        }
        do {
            return try DatabaseLocation(parsing: text)
        } catch {
            throw CommandFailure(error.detail, status: .usage)
        }
    }

    /// Opens the database, brings its schema up to date (as `kontor serve` does on start) and runs `body`.
    func withMigratedDatabase<Result: Sendable>(
        _ body: (any StoreDatabase) async throws -> Result
    ) async throws -> Result {
        try await Self.withMigratedDatabase(at: try location(), body)
    }

    /// Opens the database at `location`, brings its schema up to date and runs `body`.
    static func withMigratedDatabase<Result: Sendable>(
        at location: DatabaseLocation,
        _ body: (any StoreDatabase) async throws -> Result
    ) async throws -> Result {
        var logger = Logger(label: "kontor.store")
        logger.logLevel = .warning
        do {
            return try await withStoreDatabase(location, logger: logger) { database in
                try await Migrator(database: database, logger: logger).migrate()
                return try await body(database)
            }
        } catch let error as StoreError {
            throw CommandFailure(error.detail, status: error.code.isUsageError ? .usage : .failure)
        }
    }
}

/// Encodes hub records for `--json` output: sorted keys, ISO 8601 dates, one document per command.
enum HubJSON {
    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try KontorJSON.encoder(pretty: true).encode(value), as: UTF8.self)
    }
}
