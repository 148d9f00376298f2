import Logging

/// Opens the database at `location`, runs `body` with it and closes it again (also when `body` throws).
///
/// A child task runs for the duration of `body`: for SQLite the checkpoints, for PostgreSQL the connection pool of
/// at most `connections` connections.
/// - Throws: ``StoreError`` when the database cannot be opened, or what `body` throws.
package func withStoreDatabase<Result: Sendable>(
    _ location: DatabaseLocation,
    connections: Int = 20,
    logger: Logger,
    _ body: (any StoreDatabase) async throws -> Result
) async throws -> Result {
    switch location {
    case .sqlite(let path):
        let database = try await SQLiteStoreDatabase.open(path: path, logger: logger)
        do {
            let result = try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.runCheckpoints() }
                defer { group.cancelAll() }
                return try await body(database)
            }
            try await database.close()
            return result
        } catch {
            try? await database.close()
            throw error
        }
    case .postgres(let url):
        let database = try PostgresStoreDatabase(url: url, maximumConnections: connections, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.run() }
            defer { group.cancelAll() }
            return try await body(database)
        }
    }
}
