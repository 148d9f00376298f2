import Foundation
import LexofficeKit
import Synchronization

/// The simulator's notion of "now": the real time plus an offset that tests and admins can move.
final class SandboxClock: Sendable {
    /// The offset in seconds as the bit pattern of a `Double`: read on every request, so an atomic, not a lock.
    private let offsetBits = Atomic<UInt64>(TimeInterval(0).bitPattern)

    private var offset: TimeInterval { TimeInterval(bitPattern: offsetBits.load(ordering: .acquiring)) }

    /// The current simulated instant.
    var now: Date { Date().addingTimeInterval(offset) }

    /// The current simulated instant in lexoffice's form (German local time).
    var timestamp: LexofficeDateTime { LexofficeDateTime(now) }

    /// Moves the clock so that `now` is `date`.
    func set(to date: Date) {
        offsetSeconds = date.timeIntervalSince(Date())
    }

    /// How far the simulated clock is ahead of the real one, in seconds.
    var offsetSeconds: TimeInterval {
        get { offset }
        set { offsetBits.store(newValue.bitPattern, ordering: .releasing) }
    }

    /// Moves the clock forward by `seconds`.
    func advance(by seconds: TimeInterval) {
        var current = offsetBits.load(ordering: .acquiring)
        while true {
            let next = (TimeInterval(bitPattern: current) + seconds).bitPattern
            let (exchanged, original) = offsetBits.compareExchange(
                expected: current,
                desired: next,
                ordering: .acquiringAndReleasing
            )
            if exchanged { return }
            current = original
        }
    }
}
