/// Settings of a ``LexofficeClient``.
public struct LexofficeClientConfiguration: Sendable {
    /// The API root including the version, e.g. `https://api.lexware.io/v1` or a sandbox's `http://127.0.0.1:PORT/v1`.
    public var baseURL: String
    /// The `User-Agent` header.
    public var userAgent: String
    /// The deadline of one HTTP attempt (lexoffice's gateway gives up after 30 s).
    public var requestTimeout: Duration
    /// Requests per second on one connection (lexoffice allows 2); ≤ 0 turns pacing off.
    public var requestsPerSecond: Double
    /// Retries after 429, 5xx and transport failures.
    public var retryPolicy: RetryPolicy
    /// The largest file accepted for upload, checked before sending (lexoffice: 5 MB).
    public var maxUploadBytes: Int
    /// The largest response body read (downloads included).
    public var maxResponseBytes: Int

    /// The production API root.
    public static let productionBaseURL = "https://api.lexware.io/v1"

    /// Creates a configuration; the defaults suit production.
    public init(
        baseURL: String = LexofficeClientConfiguration.productionBaseURL,
        userAgent: String = "LexofficeKit/1.0 (Kontor)",
        requestTimeout: Duration = .seconds(35),
        requestsPerSecond: Double = 2,
        retryPolicy: RetryPolicy = .standard,
        maxUploadBytes: Int = 5 * 1024 * 1024,
        maxResponseBytes: Int = 64 * 1024 * 1024
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.userAgent = userAgent
        self.requestTimeout = requestTimeout
        self.requestsPerSecond = requestsPerSecond
        self.retryPolicy = retryPolicy
        self.maxUploadBytes = maxUploadBytes
        self.maxResponseBytes = maxResponseBytes
    }
}
