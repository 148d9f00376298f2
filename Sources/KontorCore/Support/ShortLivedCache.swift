import Foundation
import Synchronization

/// Values read from the database, kept for a short `lifetime` so that a hot request path skips the read: for what
/// may take effect that much later in *other* processes (a changed tenant, a revoked token), never for what must be
/// exact.
///
/// Changes made in this process call ``invalidateAll()`` once they are committed; a load that was running when that
/// happened stores nothing, so no value read before the change survives it. Only found values are kept (a missing
/// one is read again every time), at most `capacity` of them: when full, the cache starts over.
package final class ShortLivedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        /// When the read that produced `value` began.
        var readAt: Date
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        /// Counts ``invalidateAll()`` calls: a load stores its value only if none happened while it ran.
        var generation: UInt64 = 0
    }

    private let state = Mutex(State())
    private let lifetime: TimeInterval
    private let capacity: Int
    private let clock: any WallClock

    /// A cache whose values are used for `lifetime` after their read began, holding at most `capacity` of them.
    package init(lifetime: Duration, capacity: Int, clock: any WallClock = SystemWallClock()) {
        precondition(capacity > 0, "a cache holds at least one value")
        self.lifetime = lifetime / .seconds(1)
        self.capacity = capacity
        self.clock = clock
    }

    /// The value for `key`: the kept one while it is younger than the lifetime, else what `load` reads (kept when
    /// found and no invalidation happened meanwhile). A wall clock set back makes every kept value count as expired.
    package func value(for key: Key, load: () async throws -> Value?) async rethrows -> Value? {
        let readAt = clock.now
        let (kept, generation) = state.withLock { state -> (Value?, UInt64) in
            guard let entry = state.entries[key] else { return (nil, state.generation) }
            let age = readAt.timeIntervalSince(entry.readAt)
            return (age >= 0 && age < lifetime ? entry.value : nil, state.generation)
        }
        if let kept { return kept }
        guard let loaded = try await load() else { return nil }
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= capacity, state.entries[key] == nil {
                state.entries.removeAll(keepingCapacity: true)
            }
            state.entries[key] = Entry(value: loaded, readAt: readAt)
        }
        return loaded
    }

    /// Forgets every kept value, and makes loads still running keep nothing: call it after committing a change.
    package func invalidateAll() {
        state.withLock { state in
            state.entries.removeAll()
            state.generation &+= 1
        }
    }
}
