import HTTPTypes
import Hummingbird
import LexofficeKit

/// An error answer of the simulated API, rendered in the shape the endpoint uses.
struct SandboxProblem: Error {
    /// Which of lexoffice's three error bodies an endpoint answers with.
    enum Shape: Sendable {
        /// API-gateway `{"message": ...}` (401, 403, 429 on every endpoint).
        case gateway
        /// `{"IssueList": [...]}` of contacts, files and vouchers.
        case legacy
        /// `{timestamp, status, error, path, traceId, message, details}` of all other endpoints.
        case regular
    }

    var status: HTTPResponse.Status
    var message: String
    /// Forces the gateway shape (authentication, routing, rate limit) regardless of the endpoint.
    var isGateway = false
    var issues: [LegacyIssue] = []
    var details: [RegularErrorDetail] = []
    /// Renders the problem in this shape regardless of the endpoint (e.g. a missing OAuth scope: regular).
    var forcedShape: Shape?

    static let unauthorized = SandboxProblem(status: .unauthorized, message: "Unauthorized", isGateway: true)
    static let tooManyRequests = SandboxProblem(status: .tooManyRequests, message: "Too Many Requests", isGateway: true)

    /// 403 for an unknown route, worded like the AWS gateway.
    static func unknownRoute(token: String) -> SandboxProblem {
        SandboxProblem(
            status: .forbidden,
            message:
                "'\(token)' not a valid key=value pair (missing equal-sign) in Authorization header: 'Bearer \(token)'.",
            isGateway: true
        )
    }

    /// 404 for an unknown id.
    static func notFound(_ what: String) -> SandboxProblem {
        SandboxProblem(status: .notFound, message: "\(what) not found.")
    }

    /// 400 for a malformed query parameter.
    static func badRequest(_ message: String, parameter: String? = nil) -> SandboxProblem {
        SandboxProblem(
            status: .badRequest,
            message: message,
            issues: [LegacyIssue(i18nKey: "bad_request_error", source: parameter, type: "bad_request_error")],
            details: parameter.map { [RegularErrorDetail(violation: "INVALID", field: $0, message: message)] } ?? []
        )
    }

    /// 406 listing validation failures.
    static func validation(_ failures: [ValidationFailure]) -> SandboxProblem {
        SandboxProblem(
            status: .notAcceptable,
            message: "Validation failed for request. Please see details list for specific causes.",
            issues: failures.map { LegacyIssue(i18nKey: $0.key, source: $0.field, type: "validation_failure") },
            details: failures.map { RegularErrorDetail(violation: $0.violation, field: $0.field, message: $0.message) }
        )
    }

    /// 409 for a state conflict.
    static func conflict(_ message: String) -> SandboxProblem {
        SandboxProblem(status: .conflict, message: message)
    }

    /// 415 for a missing or wrong `Content-Type`.
    static let unsupportedMediaType = SandboxProblem(
        status: .unsupportedMediaType,
        message: "Content type not supported; send application/json."
    )
}

/// One invalid field: the legacy `i18nKey` and the regular `violation` for the same finding.
struct ValidationFailure: Sendable, Equatable {
    /// The property path, e.g. `company.name` or `lineItems[0].name`.
    var field: String
    /// The legacy key, e.g. `missing_entity`.
    var key: String
    /// The regular violation, e.g. `NOTNULL`.
    var violation: String
    /// A German message as lexoffice sends.
    var message: String

    static func missing(_ field: String) -> ValidationFailure {
        ValidationFailure(field: field, key: "missing_entity", violation: "NOTNULL", message: "darf nicht leer sein")
    }

    static func invalid(_ field: String, _ message: String = "ungültiger Wert") -> ValidationFailure {
        ValidationFailure(field: field, key: "invalid_value", violation: "INVALID", message: message)
    }

    static func tooLong(_ field: String, max: Int) -> ValidationFailure {
        ValidationFailure(
            field: field,
            key: "invalid_length",
            violation: "SIZE",
            message: "Größe muss zwischen 0 und \(max) sein"
        )
    }
}
