/// How long a failed job waits before its next attempt: exponential with full jitter in its upper half, so
/// that jobs failing together (a lexoffice outage) do not come back together.
package struct RetryBackoff: Sendable, Equatable {
    /// The wait after the first failure, before jitter.
    package var base: Duration
    /// The longest wait, before jitter.
    package var cap: Duration
    /// The share of the wait drawn at random: 0.5 means between 50 % and 100 % of the exponential value.
    package var jitter: Double

    /// A backoff.
    package init(base: Duration, cap: Duration, jitter: Double = 0.5) {
        self.base = base
        self.cap = cap
        self.jitter = min(max(jitter, 0), 1)
    }

    /// 5 s, 10 s, 20 s … up to 1 h, each between 50 % and 100 % of that.
    package static let standard = RetryBackoff(base: .seconds(5), cap: .seconds(3600))

    /// The wait after the `attempt`-th failed attempt (1-based).
    package func delay(afterAttempt attempt: Int) -> Duration {
        var generator = SystemRandomNumberGenerator()
        return delay(afterAttempt: attempt, using: &generator)
    }

    /// The wait after the `attempt`-th failed attempt, drawing the jitter from `generator`.
    package func delay(afterAttempt attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let exponent = min(max(attempt - 1, 0), 40)
        let exponential = min(
            base / .seconds(1) * Double(sign: .plus, exponent: exponent, significand: 1),
            cap / .seconds(1)
        )
        let factor = jitter == 0 ? 1 : Double.random(in: (1 - jitter)...1, using: &generator)
        return .milliseconds(Int64((exponential * factor * 1000).rounded()))
    }
}
