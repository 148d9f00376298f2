import Foundation
import LexofficeKit
import Synchronization

/// The simulator's notion of "now": the real time plus an offset that tests and admins can move.
final class SandboxClock: Sendable {
    private let offset = Mutex<TimeInterval>(0)

    /// The current simulated instant.
    var now: Date { Date().addingTimeInterval(offset.withLock { $0 }) }

    /// The current simulated instant in lexoffice's form (German local time).
    var timestamp: LexofficeDateTime { LexofficeDateTime(now) }

    /// Moves the clock so that `now` is `date`.
    func set(to date: Date) {
        offset.withLock { $0 = date.timeIntervalSince(Date()) }
    }

    /// How far the simulated clock is ahead of the real one, in seconds.
    var offsetSeconds: TimeInterval {
        get { offset.withLock { $0 } }
        set { offset.withLock { $0 = newValue } }
    }

    /// Moves the clock forward by `seconds`.
    func advance(by seconds: TimeInterval) {
        offset.withLock { $0 += seconds }
    }
}
