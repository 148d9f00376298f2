import SQLKit

extension SQLDatabase {
    /// Runs `body` between `begin` and `COMMIT` on this connection; rolls back and rethrows when `body` throws.
    nonisolated(nonsending) func runTransaction<Result: Sendable>(
        begin: String,
        _ body: (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await raw("\(unsafeRaw: begin)").run()
        do {
            let result = try await body(self)
            try await raw("COMMIT").run()
            return result
        } catch {
            try? await raw("ROLLBACK").run()
            throw error
        }
    }
}
