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

    /// Moves the clock forward by `seconds`.
    func advance(by seconds: TimeInterval) {
        offset.withLock { $0 += seconds }
    }
}
