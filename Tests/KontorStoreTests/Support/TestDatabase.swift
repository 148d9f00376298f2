import Foundation
import KontorStore
import Logging
import SQLKit
import Testing

/// The engines the store suite runs on; every store test takes one as its argument.
enum TestEngine: String, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// The base URL of the throwaway PostgreSQL server `.ci/run` starts, if any.
    static let postgresURL = ProcessInfo.processInfo.environment["KONTOR_TEST_POSTGRES_URL"]
}

/// A fresh, empty, migrated database for one test: an SQLite file in a new temp folder, or a new PostgreSQL
/// database created on the test server and dropped afterwards.
struct TestDatabase {
    let location: DatabaseLocation
    private let cleanup: @Sendable () async throws -> Void

    static let logger: Logger = {
        var logger = Logger(label: "kontor.store.tests")
        logger.logLevel = .warning
        return logger
    }()

    /// Creates the database; skips the test (with the reason) when PostgreSQL is asked for but not configured.
    static func make(_ engine: TestEngine) async throws -> TestDatabase {
        switch engine {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("kontor-store-\(UUID().uuidString)")
            return TestDatabase(location: .sqlite(path: folder.appendingPathComponent("kontor.sqlite").path)) {
                try? FileManager.default.removeItem(at: folder)
            }
        case .postgres:
            guard let base = TestEngine.postgresURL else {
                try Test.cancel("PostgreSQL not configured: set KONTOR_TEST_POSTGRES_URL (.ci/run does)")
            }
            let name = "kontor_t_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))"
            try await adminStatement("CREATE DATABASE \(name)", base: base)
            var components = try #require(URLComponents(string: base))
            components.path = "/\(name)"
            let url = try #require(components.string)
            return TestDatabase(location: .postgres(url: url)) {
                try await adminStatement("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", base: base)
            }
        }
    }

    /// Runs `body` with the open, migrated database, then removes it.
    static func with<Result: Sendable>(
        _ engine: TestEngine,
        _ body: (any StoreDatabase, DatabaseLocation) async throws -> Result
    ) async throws -> Result {
        let test = try await make(engine)
        do {
            let result = try await withStoreDatabase(test.location, logger: logger) { database in
                try await Migrator(database: database, logger: logger).migrate()
                return try await body(database, test.location)
            }
            try await test.cleanup()
            return result
        } catch {
            try? await test.cleanup()
            throw error
        }
    }

    /// Deletes the database (for tests that open it themselves with ``make(_:)``).
    func remove() async throws {
        try await cleanup()
    }

    private static func adminStatement(_ sql: String, base: String) async throws {
        try await withStoreDatabase(.postgres(url: base), logger: logger) { database in
            try await database.withConnection { db in try await db.raw("\(unsafeRaw: sql)").run() }
        }
    }
}
