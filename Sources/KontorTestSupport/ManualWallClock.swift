import Foundation
import KontorCore
import Synchronization

/// A wall clock that moves only when a test says so: leases, backoff and run dates without waiting.
package final class ManualWallClock: WallClock {
    private let current: Mutex<Date>

    /// A clock standing at `start`.
    package init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) {
        current = Mutex(start)
    }

    /// The time the clock stands at.
    package var now: Date { current.withLock { $0 } }

    /// Moves the clock forward by `duration`.
    package func advance(by duration: Duration) {
        current.withLock { $0 = $0.addingTimeInterval(duration / .seconds(1)) }
    }
}
