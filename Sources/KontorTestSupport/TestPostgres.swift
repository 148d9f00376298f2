import Foundation
import KontorStore
import Logging
import SQLKit

/// The throwaway PostgreSQL server of the tests (`KONTOR_TEST_POSTGRES_URL`, started by `.ci/run`): a fresh
/// database per test, dropped afterwards.
package enum TestPostgres {
    /// The server's base URL, or `nil` when the tests run without PostgreSQL.
    package static let baseURL = ProcessInfo.processInfo.environment["KONTOR_TEST_POSTGRES_URL"]

    /// Whether the hub tests run on PostgreSQL instead of SQLite (`KONTOR_TEST_HUB_DATABASE=postgres`; `.ci/run`
    /// runs the hub and crash suites a second time so).
    package static let isHubDatabase = ProcessInfo.processInfo.environment["KONTOR_TEST_HUB_DATABASE"] == "postgres"

    /// Why PostgreSQL cannot be used, when it cannot.
    package struct Unavailable: Error, CustomStringConvertible {
        package let description: String
    }

    /// Creates an empty database on the test server and returns its URL and a function that drops it.
    /// - Throws: ``Unavailable`` without `KONTOR_TEST_POSTGRES_URL`.
    package static func makeDatabase(
        logger: Logger
    ) async throws -> (url: String, drop: @Sendable () async throws -> Void) {
        guard let base = baseURL, var components = URLComponents(string: base) else {
            throw Unavailable(description: "PostgreSQL not configured: set KONTOR_TEST_POSTGRES_URL (.ci/run does)")
        }
        let name = "kontor_t_" + UUID().uuidString.prefix(13).lowercased().replacingOccurrences(of: "-", with: "")
        try await adminStatement("CREATE DATABASE \(name)", base: base, logger: logger)
        components.path = "/\(name)"
        guard let url = components.string else { throw Unavailable(description: "cannot build a URL from \(base)") }
        return (
            url,
            { try await adminStatement("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", base: base, logger: logger) }
        )
    }

    private static func adminStatement(_ sql: String, base: String, logger: Logger) async throws {
        try await withStoreDatabase(.postgres(url: base), connections: 1, logger: logger) { database in
            try await database.withConnection { db in try await db.raw("\(unsafeRaw: sql)").run() }
        }
    }
}
