/// Every failure LexofficeKit reports: HTTP errors from lexoffice, transport failures and rejected input.
///
/// Decisions use ``code`` and ``isRetrySafe``, never ``detail`` text. ``description`` is safe to log: it names
/// the method, path (without query, which may hold names or e-mails), status, error keys and offending fields,
/// but no body text or values.
public struct LexofficeError: Error, Sendable, CustomStringConvertible {
    /// A stable error code. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        private init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Input rejected before any request was sent (bad id, short filter, page size, file too large).
        public static let invalidArgument = Code("invalid-argument")
        /// 400: lexoffice found the request malformed (bad query parameter, missing upload type).
        public static let badRequest = Code("bad-request")
        /// 401: the API key or access token is missing, invalid, expired or revoked.
        public static let unauthorized = Code("unauthorized")
        /// 402: the organization's contract does not include this feature.
        public static let paymentRequired = Code("payment-required")
        /// 403: missing scope/permission, or an unknown route.
        public static let forbidden = Code("forbidden")
        /// 404: the resource does not exist (or the requested representation is not available).
        public static let notFound = Code("not-found")
        /// 405: the method is not allowed on this resource.
        public static let methodNotAllowed = Code("method-not-allowed")
        /// 406: validation failed, or the action is not possible in the resource's state.
        public static let validationFailed = Code("validation-failed")
        /// 409 (or 406 on `version`): the resource changed since it was read. Fetch it again, merge, retry.
        public static let versionConflict = Code("version-conflict")
        /// 409: another state conflict (duplicate subscription, file of a draft).
        public static let conflict = Code("conflict")
        /// 415: missing or unsupported `Content-Type`.
        public static let unsupportedMediaType = Code("unsupported-media-type")
        /// 429 still after all retries: the connection's rate limit is exhausted. The request was not executed.
        public static let rateLimited = Code("rate-limited")
        /// More than 10,000 elements would have to be paged through; narrow the filters.
        public static let searchWindowExceeded = Code("search-window-exceeded")
        /// 5xx: lexoffice failed. For a non-idempotent request the outcome may be unknown; see ``isRetrySafe``.
        public static let serverError = Code("server-error")
        /// A write's outcome is unknown (504, timeout or connection lost after sending). Reconcile before retrying.
        public static let outcomeUnknown = Code("outcome-unknown")
        /// A read did not complete in time, even after retries.
        public static let timeout = Code("timeout")
        /// No connection to lexoffice could be made; nothing was sent.
        public static let connectionFailed = Code("connection-failed")
        /// The response could not be decoded into the expected model.
        public static let decodingFailed = Code("decoding-failed")
        /// A status lexoffice does not document for this call.
        public static let unexpectedStatus = Code("unexpected-status")
        /// The credential provider could not supply a token (e.g. an OAuth refresh failed).
        public static let credentialsUnavailable = Code("credentials-unavailable")
        /// A webhook's `X-Lxo-Signature` is missing or does not verify.
        public static let invalidSignature = Code("invalid-signature")
    }

    /// What went wrong.
    public var code: Code
    /// The HTTP status, when lexoffice answered.
    public var status: Int?
    /// The error body in whichever of lexoffice's three shapes it came.
    public var body: LexofficeErrorBody?
    /// lexoffice's trace id (regular error bodies), for support requests.
    public var traceID: String?
    /// The HTTP method of the failed request.
    public var method: String?
    /// The request path without its query string, e.g. `/v1/contacts/0f1e…`.
    public var requestPath: String?
    /// The offending field, if known: the first issue's `source` or `field`, or the argument rejected locally.
    public var field: String?
    /// Whether sending the same request again cannot apply it twice (it was not executed, or is idempotent).
    public var isRetrySafe: Bool
    /// A sentence for people; contains no secrets and no customer data.
    public var detail: String
    /// The transport error behind a connection failure or timeout, if any.
    public var underlyingError: (any Error & Sendable)?

    /// Creates an error; LexofficeKit creates these, callers normally only read them.
    public init(
        code: Code,
        detail: String,
        status: Int? = nil,
        body: LexofficeErrorBody? = nil,
        method: String? = nil,
        requestPath: String? = nil,
        field: String? = nil,
        isRetrySafe: Bool = false,
        underlyingError: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.detail = detail
        self.status = status
        self.body = body
        self.traceID = body?.traceID
        self.method = method
        self.requestPath = requestPath
        self.field = field ?? body?.firstField
        self.isRetrySafe = isRetrySafe
        self.underlyingError = underlyingError
    }

    /// Input rejected before sending.
    static func invalidArgument(field: String?, detail: String) -> LexofficeError {
        LexofficeError(code: .invalidArgument, detail: detail, field: field, isRetrySafe: false)
    }

    public var description: String {
        var text = "LexofficeError(\(code))"
        if let method, let requestPath { text += " \(method) \(requestPath)" }
        if let status { text += " HTTP \(status)" }
        text += ": \(detail)"
        if let summary = body?.issueSummary, !summary.isEmpty { text += " [\(summary)]" }
        if let traceID { text += " (traceId \(traceID))" }
        return text
    }
}
