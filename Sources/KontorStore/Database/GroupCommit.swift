import SQLKit
import Synchronization

/// Commits the short writes of concurrent callers together (group commit): every write that arrives while a batch
/// is being committed joins the next batch, and a batch costs one transaction, so one disk flush, however many
/// writes it holds. A write that throws gets its caller its error and stores nothing: the batch is rolled back and
/// run again without it (rare, and cheaper than a savepoint around every write, which would add two statements
/// to each), so a write may run more than once and must have no effects outside the database. When the commit
/// itself fails, every caller of the batch gets that error and nothing of the batch is stored.
///
/// A caller returns only after its batch is committed and durable, so a write confirmed to a client is never lost.
/// The first caller to find no batch running commits one (its own write and those waiting), then hands the next
/// batch to the first caller still waiting, so no caller commits more than one batch besides waiting for one.
/// When the database makes commits durable apart from committing them (``init(maximumBatch:transaction:makeDurable:)``),
/// the next batch is handed over as soon as one is committed and runs while that one is made durable.
package final class GroupCommit: Sendable {
    /// One caller's write, waiting for a batch.
    private struct Waiter: Sendable {
        /// Runs the write; `false` when it threw (its error is kept by the caller's slot).
        var write: @Sendable (any SQLDatabase) async -> Bool
        /// Resumed when the write's batch is committed, or to hand this caller the next batch.
        var continuation: CheckedContinuation<Turn, Never>
    }

    /// What a waiting caller is woken for.
    private enum Turn: Sendable {
        /// The batch holding the write was committed (or failed with the error).
        case finished((any Error)?)
        /// The caller commits the next batch, its own write first.
        case lead
    }

    private struct State {
        var isCommitting = false
        var waiting: [Waiter] = []
    }

    private let state = Mutex(State())
    private let maximumBatch: Int
    private let commit: @Sendable ([@Sendable (any SQLDatabase) async -> Bool]) async throws -> Void
    private let makeDurable: @Sendable () async throws -> Void

    /// Group commit over `transaction`, which must run its body in one database transaction.
    /// - Parameters:
    ///   - maximumBatch: The most writes in one transaction; later ones wait for the next batch.
    ///   - makeDurable: Returns once everything committed before the call is on disk; the default suits a
    ///     `transaction` whose commit is durable when it returns.
    package init(
        maximumBatch: Int = 256,
        transaction: @escaping @Sendable (@Sendable (any SQLDatabase) async throws -> Void) async throws -> Void,
        makeDurable: @escaping @Sendable () async throws -> Void = {}
    ) {
        self.maximumBatch = max(1, maximumBatch)
        self.makeDurable = makeDurable
        self.commit = { writes in
            var remaining = writes
            while !remaining.isEmpty {
                let attempt = remaining
                do {
                    try await transaction { db in
                        for (index, write) in attempt.enumerated() {
                            guard await write(db) else { throw FailedWrite(index: index) }
                        }
                    }
                    return
                } catch let failure as FailedWrite {
                    remaining.remove(at: failure.index)
                }
            }
        }
    }

    /// Runs `body` inside the next batch's transaction and returns its result once the batch is committed and
    /// durable.
    ///
    /// `body` must use only the database it is given, and should be short: the batch waits for it.
    package func write<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        let slot = ResultSlot<Result>()
        let write: @Sendable (any SQLDatabase) async -> Bool = { db in
            do {
                slot.store(.success(try await body(db)))
                return true
            } catch {
                slot.store(.failure(error))
                return false
            }
        }
        let leadsAtOnce = state.withLock { state in
            guard !state.isCommitting else { return false }
            state.isCommitting = true
            return true
        }
        let commitError: (any Error)?
        if leadsAtOnce {
            commitError = await lead(with: write)
        } else {
            switch await wait(with: write) {
            case .finished(let error): commitError = error
            case .lead: commitError = await lead(with: write)
            }
        }
        if let commitError { throw commitError }
        return try slot.take()
    }

    /// Queues `write` behind the running batch; when that batch already ended, the caller leads at once.
    private func wait(with write: @escaping @Sendable (any SQLDatabase) async -> Bool) async -> Turn {
        await withCheckedContinuation { continuation in
            let queued = state.withLock { state in
                guard state.isCommitting else {
                    state.isCommitting = true
                    return false
                }
                state.waiting.append(Waiter(write: write, continuation: continuation))
                return true
            }
            if !queued { continuation.resume(returning: .lead) }
        }
    }

    /// Commits `write` with the writes waiting now, hands over to the next waiter, and wakes the batch's callers
    /// once the commit is durable.
    /// - Returns: The commit's error, or `nil` when the batch was committed and made durable.
    private func lead(with write: @escaping @Sendable (any SQLDatabase) async -> Bool) async -> (any Error)? {
        let batch = state.withLock { state in
            let taken = Array(state.waiting.prefix(maximumBatch - 1))
            state.waiting.removeFirst(taken.count)
            return taken
        }
        var commitError: (any Error)?
        do {
            try await commit([write] + batch.map(\.write))
        } catch {
            commitError = error
        }
        let next = state.withLock { state -> Waiter? in
            guard !state.waiting.isEmpty else {
                state.isCommitting = false
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.continuation.resume(returning: .lead)
        if commitError == nil {
            do {
                try await makeDurable()
            } catch {
                commitError = error
            }
        }
        for waiter in batch { waiter.continuation.resume(returning: .finished(commitError)) }
        return commitError
    }
}

/// Ends a batch's transaction when the write at `index` threw.
private struct FailedWrite: Error {
    var index: Int
}

/// The result of one write, stored by the batch and read by its caller (the last run counts).
private final class ResultSlot<Value: Sendable>: Sendable {
    private let result = Mutex<Result<Value, any Error>?>(nil)

    func store(_ value: Result<Value, any Error>) {
        result.withLock { $0 = value }
    }

    func take() throws -> Value {
        guard let value = result.withLock({ $0 }) else {
            throw StoreError(.conflict, "the write's batch ended without running it")
        }
        return try value.get()
    }
}
