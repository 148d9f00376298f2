import KontorStore
import SQLKit
import Synchronization

/// A database whose write transactions can be made to fail on demand, as when the database server is unreachable:
/// the fault a real database cannot be asked for. Everything else goes to the real database underneath.
final class InterruptibleDatabase: StoreDatabase {
    private let base: any StoreDatabase
    private let failing = Mutex(false)

    init(_ base: any StoreDatabase) { self.base = base }

    /// Whether write transactions fail now.
    var isFailing: Bool {
        get { failing.withLock { $0 } }
        set { failing.withLock { $0 = newValue } }
    }

    var kind: DatabaseKind { base.kind }

    func withConnection<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await base.withConnection(body)
    }

    func read<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await base.read(body)
    }

    func transaction<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try checkReachable()
        return try await base.transaction(body)
    }

    func groupedTransaction<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try checkReachable()
        return try await base.groupedTransaction(body)
    }

    private func checkReachable() throws {
        if isFailing { throw StoreError(.unavailable, "the database is unreachable (injected by the test)") }
    }
}
