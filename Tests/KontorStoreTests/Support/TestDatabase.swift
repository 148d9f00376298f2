import Foundation
import KontorStore
import KontorTestSupport
import Logging
import SQLKit
import Testing

/// The engines the store suite runs on; every store test takes one as its argument.
enum TestEngine: String, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// The base URL of the throwaway PostgreSQL server `.ci/run` starts, if any.
    static let postgresURL = TestPostgres.baseURL
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
            guard TestEngine.postgresURL != nil else {
                try Test.cancel("PostgreSQL not configured: set KONTOR_TEST_POSTGRES_URL (.ci/run does)")
            }
            let database = try await TestPostgres.makeDatabase(logger: logger)
            return TestDatabase(location: .postgres(url: database.url), cleanup: database.drop)
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
}
