import Synchronization

/// Spaces the requests of one lexoffice connection so that the client itself never causes a 429.
///
/// lexoffice allows 2 requests per second per connection (token bucket). Callers get slots one interval apart
/// in the order they ask (FIFO); waiting is cancellable. A cancelled caller's slot is handed back when nobody
/// queued behind it; otherwise it stays as one unused interval. After a 429, ``pause(for:)`` moves every
/// waiting and future caller back.
public final class RequestPacer: Sendable {
    /// The spacing between two requests; zero means unpaced.
    public let interval: Duration
    private let state: Mutex<State>

    private struct State {
        var nextSlot: ContinuousClock.Instant
    }

    /// Creates a pacer; `requestsPerSecond` ≤ 0 disables pacing.
    public init(requestsPerSecond: Double) {
        interval = requestsPerSecond > 0 ? .nanoseconds(Int64((1e9 / requestsPerSecond).rounded())) : .zero
        state = Mutex(State(nextSlot: .now))
    }

    /// Waits until this caller may send; returns at once when a slot is free.
    /// - Throws: `CancellationError` if the task is cancelled while waiting (the slot is released if possible).
    public func waitForTurn() async throws {
        try Task.checkCancellation()
        guard interval > .zero else { return }
        guard let slot = reserveSlot() else { return }  // a free slot: no sleep, no suspension
        do {
            try await Task.sleep(until: slot, clock: .continuous)
        } catch {
            state.withLock { state in
                if state.nextSlot == slot.advanced(by: interval) { state.nextSlot = slot }
            }
            throw error
        }
    }

    /// Takes the next slot (one interval after the previous one, never in the past); `nil` when it is now.
    func reserveSlot() -> ContinuousClock.Instant? {
        state.withLock { state -> ContinuousClock.Instant? in
            let now = ContinuousClock.now
            let slot = max(state.nextSlot, now)
            state.nextSlot = slot.advanced(by: interval)
            return slot > now ? slot : nil
        }
    }

    /// Moves the next free slot to at least `duration` from now (after lexoffice answered 429).
    public func pause(for duration: Duration) {
        state.withLock { state in
            state.nextSlot = max(state.nextSlot, ContinuousClock.now.advanced(by: duration))
        }
    }
}

/// Hands out one ``RequestPacer`` per lexoffice connection, so that every client using the same credentials
/// shares one budget.
public final class RequestPacerRegistry: Sendable {
    /// The process-wide registry that ``LexofficeClient`` uses by default.
    public static let shared = RequestPacerRegistry()

    private let pacers = Mutex<[String: RequestPacer]>([:])

    /// Creates an empty registry (tests use their own).
    public init() {}

    /// The pacer of `connectionKey`, created at `requestsPerSecond` on first use.
    public func pacer(for connectionKey: String, requestsPerSecond: Double) -> RequestPacer {
        pacers.withLock { pacers in
            if let existing = pacers[connectionKey] { return existing }
            let pacer = RequestPacer(requestsPerSecond: requestsPerSecond)
            pacers[connectionKey] = pacer
            return pacer
        }
    }
}
