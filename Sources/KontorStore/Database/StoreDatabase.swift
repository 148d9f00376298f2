import SQLKit

/// The SQL engine behind a store; the few statements that differ between engines switch on it.
package enum DatabaseKind: String, Sendable, CaseIterable {
    /// SQLite, one file, one writer at a time.
    case sqlite
    /// PostgreSQL, shared by several hub processes.
    case postgres
}

/// A database the store runs its statements on, with transactions that behave the same on both engines.
///
/// Works only while the database is open (see ``withStoreDatabase(_:logger:_:)``).
package protocol StoreDatabase: Sendable {
    /// The engine.
    var kind: DatabaseKind { get }

    /// Runs `body` with a connection outside a transaction (single statements, administration).
    func withConnection<Result: Sendable>(
        _ body: (any SQLDatabase) async throws -> Result
    ) async throws -> Result

    /// Runs `body`, which only reads, outside a transaction; it sees every commit that finished before the call.
    ///
    /// On SQLite the reads run on a second, read-only connection (WAL lets it read while a write transaction is
    /// open), so a read never waits for the writers' queue and their disk flushes; each statement sees the latest
    /// commit. On PostgreSQL it is ``withConnection(_:)``.
    func read<Result: Sendable>(
        _ body: (any SQLDatabase) async throws -> Result
    ) async throws -> Result

    /// Runs `body` in a write transaction: committed when `body` returns, rolled back when it throws.
    ///
    /// On SQLite the transaction starts with `BEGIN IMMEDIATE` (the write lock is taken at once, so two processes
    /// never deadlock on an upgrade); on PostgreSQL with `BEGIN` at READ COMMITTED.
    func transaction<Result: Sendable>(
        _ body: (any SQLDatabase) async throws -> Result
    ) async throws -> Result

    /// Runs `body` in a write transaction shared with the writes of concurrent callers (group commit), and returns
    /// once that transaction is committed. When `body` throws, nothing of it is stored and the error is rethrown to
    /// this caller; the other writes are committed. `body` may run more than once (when another write of its batch
    /// throws, the batch runs again without that one), so it must have no effects outside the database.
    ///
    /// For short writes on hot paths (webhook intake, queue bookkeeping): on SQLite, where every commit is a disk
    /// flush, many callers share one. `body` must use only the database it is given. PostgreSQL combines the
    /// flushes of concurrent commits itself, so there it is a plain ``transaction(_:)``.
    func groupedTransaction<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result
}
