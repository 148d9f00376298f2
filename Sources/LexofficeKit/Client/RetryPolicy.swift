/// When and how long LexofficeKit waits before sending a request again.
///
/// - 429 (and a 500 that names the rate limit): lexoffice did not execute the request, so it is retried for
///   every method, up to ``maxRateLimitRetries`` times.
/// - 5xx, timeouts and lost connections: retried only for idempotent requests (GET, PUT, DELETE), up to
///   ``maxTransientRetries`` times. A POST is never repeated: it fails with
///   ``LexofficeError/Code/outcomeUnknown`` (504, timeout, connection lost after sending) or
///   ``LexofficeError/Code/serverError``.
/// - A failed connect (nothing sent) is retried for every method.
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after 429.
    public var maxRateLimitRetries: Int
    /// Retries of idempotent requests after 5xx, timeouts or connection errors.
    public var maxTransientRetries: Int
    /// The first wait; doubled on every further retry.
    public var initialBackoff: Duration
    /// The longest wait.
    public var maxBackoff: Duration
    /// Random spread added to each wait, as a fraction of it (0.2 = up to +20 %).
    public var jitter: Double

    /// Creates a policy; the defaults suit lexoffice's 2 requests/second.
    public init(
        maxRateLimitRetries: Int = 8,
        maxTransientRetries: Int = 3,
        initialBackoff: Duration = .seconds(1),
        maxBackoff: Duration = .seconds(30),
        jitter: Double = 0.2
    ) {
        self.maxRateLimitRetries = max(0, maxRateLimitRetries)
        self.maxTransientRetries = max(0, maxTransientRetries)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.jitter = max(0, jitter)
    }

    /// The default policy.
    public static let standard = RetryPolicy()
    /// No retries at all (every failure surfaces at once).
    public static let none = RetryPolicy(maxRateLimitRetries: 0, maxTransientRetries: 0)

    /// The wait before retry number `retry` (1-based).
    func backoff(forRetry retry: Int) -> Duration {
        var wait = initialBackoff
        for _ in 1..<max(1, retry) where wait < maxBackoff { wait = wait * 2 }
        wait = min(wait, maxBackoff)
        guard jitter > 0 else { return wait }
        return wait + wait * Double.random(in: 0...jitter)
    }
}
