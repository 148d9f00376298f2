/// lexoffice's rate limit: a token bucket per API key, refilled continuously.
struct TokenBucket: Sendable {
    /// The configured limit: bucket size and refill rate.
    struct Limit: Sendable {
        var capacity: Int
        var refillPerSecond: Double
    }

    let capacity: Double
    let refillPerSecond: Double
    private(set) var tokens: Double
    private(set) var updatedAt: ContinuousClock.Instant

    init(_ limit: Limit, now: ContinuousClock.Instant) {
        capacity = Double(limit.capacity)
        refillPerSecond = limit.refillPerSecond
        tokens = Double(limit.capacity)
        updatedAt = now
    }

    /// Takes one token if there is one; `false` means the request must be answered with 429 and not executed.
    mutating func take(now: ContinuousClock.Instant) -> Bool {
        let elapsed = now - updatedAt
        tokens = min(capacity, tokens + elapsed / .seconds(1) * refillPerSecond)
        updatedAt = now
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
