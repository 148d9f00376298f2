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
    ///
    /// Rounded to whole microseconds first: a stored `1234` read back as `1.234` s is `1233.9999…` ms in binary
    /// floating point, and must give `1234` again.
    package var millisecondsSince1970: Int64 {
        Int64(((timeIntervalSince1970 * 1_000_000).rounded() / 1000).rounded(.down))
    }

    /// The date `milliseconds` after 1970.
    package init(millisecondsSince1970 milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
