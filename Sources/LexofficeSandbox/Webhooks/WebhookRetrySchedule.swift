/// lexoffice's delivery retries: 10, 20, 40, 80, 160 s, then a 30-minute pause and 20 retries 2 hours apart
/// (26 attempts in all), scaled by a factor so tests can see the whole schedule in seconds.
struct WebhookRetrySchedule: Sendable {
    /// 1 = real time; 0.001 turns 10 s into 10 ms.
    var timeScale: Double

    /// The documented waits before retry 1…25, in seconds.
    static let documentedWaits: [Double] = [10, 20, 40, 80, 160, 1800] + Array(repeating: 7200, count: 19)

    /// How many attempts lexoffice makes in total.
    static var attempts: Int { documentedWaits.count + 1 }

    /// The wait before retry number `retry` (1-based); `nil` when no retry is left.
    func wait(beforeRetry retry: Int) -> Duration? {
        guard retry >= 1, retry <= Self.documentedWaits.count else { return nil }
        return .nanoseconds(Int64((Self.documentedWaits[retry - 1] * timeScale * 1e9).rounded()))
    }
}
