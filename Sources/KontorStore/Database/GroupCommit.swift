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
/// The first caller to find no batch running becomes the driver: inside one `exclusive` turn (on SQLite: the
/// writer's thread) it commits its own write with those waiting, then the writes that arrived meanwhile, batch after
/// batch, for up to `drivingTime` or until none waits and its own batch is durable, and hands the next batch to the
/// first caller still waiting. When fewer than `gathering.writes` wait for the next batch, it lets more gather for a
/// moment first: every commit writes each page it changed, so small batches cost the disk (and the writer's thread)
/// far more per write, and a new driver would first have to wait for a thread of the cooperative pool. A batch is made
/// durable (`makeDurable`) while the next one runs, and its callers are woken when it is.
package final class GroupCommit: Sendable {
    /// One caller's write, waiting for a batch.
    private struct Waiter: Sendable {
        /// Runs the write; `false` when it threw (its error is kept by the caller's slot).
        var write: @Sendable (any SQLDatabase) async -> Bool
        /// Resumed when the write's batch is committed and durable, or to hand this caller the next batch.
        var continuation: CheckedContinuation<Turn, Never>
    }

    /// What a waiting caller is woken for.
    private enum Turn: Sendable {
        /// The batch holding the write was committed and made durable (or failed with the error).
        case finished((any Error)?)
        /// The caller drives the next batches, its own write first.
        case lead
    }

    private struct State {
        var isCommitting = false
        var waiting: [Waiter] = []
    }

    private let state = Mutex(State())
    private let maximumBatch: Int
    private let drivingTime: Duration
    private let gathering: (writes: Int, time: Duration)
    private let exclusive: @Sendable (() async throws -> Void) async throws -> Void
    private let commit: @Sendable ([@Sendable (any SQLDatabase) async -> Bool]) async throws -> Void
    private let makeDurable: @Sendable (@escaping @Sendable ((any Error)?) -> Void) -> Void

    /// Group commit over `transaction`, which must run its body in one database transaction.
    /// - Parameters:
    ///   - maximumBatch: The most writes in one transaction; later ones wait for the next batch.
    ///   - drivingTime: How long one caller commits batch after batch before it hands over.
    ///   - gathering: When fewer than `writes` wait for the next batch, the driver waits `time` first.
    ///   - exclusive: Runs a driver's batches, one driver at a time (the default runs them as they are).
    ///   - makeDurable: Calls back once everything committed before the call is on disk (or with the error);
    ///     the default suits a `transaction` whose commit is durable when it returns.
    package init(
        maximumBatch: Int = 256,
        drivingTime: Duration = .milliseconds(5),
        gathering: (writes: Int, time: Duration) = (16, .microseconds(600)),
        exclusive: @escaping @Sendable (() async throws -> Void) async throws -> Void = { try await $0() },
        transaction: @escaping @Sendable (@Sendable (any SQLDatabase) async throws -> Void) async throws -> Void,
        makeDurable: @escaping @Sendable (@escaping @Sendable ((any Error)?) -> Void) -> Void = { $0(nil) }
    ) {
        self.maximumBatch = max(1, maximumBatch)
        self.drivingTime = drivingTime
        self.gathering = gathering
        self.exclusive = exclusive
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

    /// How many writes wait for a batch now.
    package var waitingWrites: Int { state.withLock { $0.waiting.count } }

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
            commitError = await drive(with: write)
        } else {
            switch await wait(with: write) {
            case .finished(let error): commitError = error
            case .lead: commitError = await drive(with: write)
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

    /// Commits `write` with the writes waiting now, then the writes that come meanwhile for up to `drivingTime`,
    /// hands over to the next waiter, and returns once the first batch is durable.
    /// - Returns: The error of the batch holding `write`, or `nil` when it was committed and made durable.
    private func drive(with write: @escaping @Sendable (any SQLDatabase) async -> Bool) async -> (any Error)? {
        let own = Outcome()
        var batchesRun = 0
        do {
            try await exclusive {
                let deadline = ContinuousClock.now.advanced(by: drivingTime)
                repeat {
                    let isFirst = batchesRun == 0
                    if !isFirst {
                        let waiting = waitingWrites
                        if waiting == 0, own.isSettled { break }
                        // Cancelled (the driver's request ended): the waiting writes are committed all the same.
                        if waiting < gathering.writes { try? await Task.sleep(for: gathering.time) }
                    }
                    let batch = state.withLock { state in
                        let taken = Array(state.waiting.prefix(maximumBatch - (isFirst ? 1 : 0)))
                        state.waiting.removeFirst(taken.count)
                        return taken
                    }
                    guard isFirst || !batch.isEmpty else { continue }
                    batchesRun += 1
                    let finish: @Sendable ((any Error)?) -> Void = { error in
                        for waiter in batch { waiter.continuation.resume(returning: .finished(error)) }
                        if isFirst { own.settle(error) }
                    }
                    do {
                        try await commit((isFirst ? [write] : []) + batch.map(\.write))
                        makeDurable(finish)
                    } catch {
                        finish(error)
                    }
                } while ContinuousClock.now < deadline
            }
        } catch {
            // The turn could not start (e.g. the database is closed): nothing of it ran.
            if batchesRun == 0 { own.settle(error) }
        }
        let next = state.withLock { state -> Waiter? in
            guard !state.waiting.isEmpty else {
                state.isCommitting = false
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.continuation.resume(returning: .lead)
        return await own.value()
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
            throw StoreError(.inconsistent, "the write's batch ended without running it")
        }
        return try value.get()
    }
}

/// How the driver's own batch ended (committed and durable: `nil`), settled once and awaited by the driver.
private final class Outcome: Sendable {
    private enum State {
        case open
        case awaited(CheckedContinuation<(any Error)?, Never>)
        case settled((any Error)?)
    }

    private let state = Mutex(State.open)

    /// Whether the outcome is settled.
    var isSettled: Bool {
        state.withLock { state in
            if case .settled = state { true } else { false }
        }
    }

    /// Settles the outcome; later calls change nothing.
    func settle(_ error: (any Error)?) {
        let waiting = state.withLock { state -> CheckedContinuation<(any Error)?, Never>? in
            switch state {
            case .open:
                state = .settled(error)
                return nil
            case .awaited(let continuation):
                state = .settled(error)
                return continuation
            case .settled:
                return nil
            }
        }
        waiting?.resume(returning: error)
    }

    /// The outcome, once settled.
    func value() async -> (any Error)? {
        await withCheckedContinuation { continuation in
            let settled = state.withLock { state -> (any Error)?? in
                switch state {
                case .settled(let error): return .some(error)
                case .open, .awaited:
                    state = .awaited(continuation)
                    return nil
                }
            }
            if let settled { continuation.resume(returning: settled) }
        }
    }
}
