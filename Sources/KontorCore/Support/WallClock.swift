import Foundation

/// Tells the current wall-clock time: run dates of jobs, lease expiries, `activeSince` checks.
///
/// Components take a clock through `init` so that tests can pass a manual one instead of waiting.
package protocol WallClock: Sendable {
    /// The current time.
    var now: Date { get }
}

/// The system's wall clock.
package struct SystemWallClock: WallClock {
    /// A system clock.
    package init() {}

    /// The current system time.
    package var now: Date { Date() }
}

extension WallClock {
    /// The current time in whole milliseconds since 1970, the form the store keeps times in.
    package var nowMilliseconds: Int64 { now.millisecondsSince1970 }
}

extension Date {
    /// This date in whole milliseconds since 1970 (rounded down).
    package var millisecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

    /// The date `milliseconds` after 1970.
    package init(millisecondsSince1970 milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
