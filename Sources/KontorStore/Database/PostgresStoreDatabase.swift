import Foundation
import Logging
import NIOSSL
import PostgresKit
import SQLKit

/// A PostgreSQL server as a ``StoreDatabase``, through postgres-nio's connection pool.
///
/// Works only while ``run()`` is active (``withStoreDatabase(_:logger:_:)`` takes care of that).
package struct PostgresStoreDatabase: StoreDatabase {
    package let kind = DatabaseKind.postgres
    private let client: PostgresClient
    private let logger: Logger

    /// A pool for the server at `url` (`postgres://user:password@host:port/database?sslmode=disable|prefer|require`).
    /// - Throws: ``StoreError`` `invalid-database-location` for a URL that cannot be used.
    package init(url: String, maximumConnections: Int = 20, logger: Logger) throws(StoreError) {
        let parsed: SQLPostgresConfiguration
        do {
            parsed = try SQLPostgresConfiguration(url: url)
        } catch {
            throw StoreError(.invalidLocation, "cannot read the PostgreSQL URL: \(error)")
        }
        let core = parsed.coreConfiguration
        guard let host = core.host else {
            throw StoreError(.invalidLocation, "the PostgreSQL URL needs a host")
        }
        let tls: PostgresClient.Configuration.TLS
        switch URLComponents(string: url)?.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer" {
        case "disable": tls = .disable
        case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        default: tls = .prefer(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: host,
            port: core.port ?? 5432,
            username: core.username,
            password: core.password,
            database: core.database,
            tls: tls
        )
        configuration.options.maximumConnections = maximumConnections
        // The pool warns when a connection is leased before `run()` started, which happens by design in
        // `withStoreDatabase` (the lease waits for the pool); failures still reach callers as errors.
        var backgroundLogger = logger
        backgroundLogger.logLevel = max(logger.logLevel, .error)
        self.client = PostgresClient(configuration: configuration, backgroundLogger: backgroundLogger)
        self.logger = logger
    }

    /// Runs the connection pool until the task is cancelled.
    package func run() async {
        await client.run()
    }

    package func withConnection<Result: Sendable>(
        _ body: (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: .trace))
        }
    }

    package func read<Result: Sendable>(
        _ body: (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await withConnection(body)
    }

    /// Runs `body` in a transaction. When `body` or the commit fails and the rollback fails too (the connection
    /// broke, or the task was cancelled before the rollback could be sent), the connection is closed: a connection
    /// back in the pool inside an unfinished transaction would commit that transaction's writes with the next
    /// caller's.
    package func transaction<Result: Sendable>(
        _ body: (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await client.withConnection { connection in
            let database = connection.sql(queryLogLevel: .trace)
            try await database.raw("BEGIN").run()
            do {
                let result = try await body(database)
                try await database.raw("COMMIT").run()
                return result
            } catch {
                do {
                    try await database.raw("ROLLBACK").run()
                } catch {
                    logger.warning("rollback failed; the connection is closed", metadata: ["error": "\(error)"])
                    try? await connection.close()
                }
                throw error
            }
        }
    }

    package func groupedTransaction<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await transaction(body)
    }
}
