import Foundation
import KontorCore
import Synchronization

/// Limits failed sign-ins (DESIGN.md §7): after ``allowedFailures`` failures for one user name from one address
/// within ``window``, or ten times that many from one address for any names, sign-ins from there are refused until
/// the window has passed. Kept in memory: each hub process counts its own.
final class SignInThrottle: Sendable {
    /// Failures allowed per user name and address within ``window``.
    static let allowedFailures = 5
    /// How long failures count.
    static let window: Duration = .seconds(15 * 60)

    private let clock: any WallClock
    private let failures = Mutex<[String: [Date]]>([:])

    /// A throttle reading the time from `clock`.
    init(clock: any WallClock) {
        self.clock = clock
    }

    /// Whether a sign-in of `username` from `address` may be tried now.
    func allows(username: String, address: String?) -> Bool {
        let now = clock.now
        return failures.withLock { failures in
            Self.recent(failures[Self.key(username, address)], now: now) < Self.allowedFailures
                && Self.recent(failures[Self.key(nil, address)], now: now) < Self.allowedFailures * 10
        }
    }

    /// Counts a failed sign-in.
    func recordFailure(username: String, address: String?) {
        let now = clock.now
        failures.withLock { failures in
            if failures.count > 10_000 {  // bounded memory: forget everyone whose failures are over
                failures = failures.filter { Self.recent($0.value, now: now) > 0 }
            }
            for key in [Self.key(username, address), Self.key(nil, address)] {
                failures[key] = (failures[key] ?? []).filter { now.timeIntervalSince($0) < Self.windowSeconds } + [now]
            }
        }
    }

    /// Forgets the failures of `username` from `address` after a successful sign-in.
    func recordSuccess(username: String, address: String?) {
        _ = failures.withLock { $0.removeValue(forKey: Self.key(username, address)) }
    }

    private static var windowSeconds: TimeInterval { TimeInterval(window.components.seconds) }

    private static func recent(_ times: [Date]?, now: Date) -> Int {
        (times ?? []).count { now.timeIntervalSince($0) < windowSeconds }
    }

    private static func key(_ username: String?, _ address: String?) -> String {
        "\(username?.lowercased() ?? "*")|\(address ?? "-")"
    }
}
