import HTTPTypes
import KontorCore

/// An error the hub API answers with an RFC 9457 `application/problem+json` body (STYLE.md §5).
package struct HubProblem: Error, Sendable, Equatable {
    /// One invalid field.
    package struct FieldError: Sendable, Equatable, Codable {
        /// A JSON pointer into the request body, e.g. `#/settings/transferVariant`.
        package var pointer: String
        /// What is wrong with it, for people.
        package var detail: String

        /// A field error.
        package init(pointer: String, detail: String) {
            self.pointer = pointer
            self.detail = detail
        }
    }

    /// The HTTP status.
    package var status: HTTPResponse.Status
    /// The stable code, also the last path segment of the problem `type`.
    package var code: String
    /// A short summary of the problem type.
    package var title: String
    /// This occurrence, for people; no secrets.
    package var detail: String
    /// The invalid fields, for validation problems.
    package var errors: [FieldError]
    /// The methods the resource supports, sent as `Allow` with a 405.
    package var allowedMethods: [String] = []

    /// A problem.
    package init(
        status: HTTPResponse.Status,
        code: String,
        title: String,
        detail: String,
        errors: [FieldError] = []
    ) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.errors = errors
    }

    /// 400: the body is not JSON, or not the JSON object the route expects.
    package static func malformedJSON(_ detail: String) -> HubProblem {
        HubProblem(status: .badRequest, code: "malformed-json", title: "Malformed JSON", detail: detail)
    }

    /// 422: fields with invalid values.
    package static func validation(_ errors: [FieldError]) -> HubProblem {
        HubProblem(
            status: .unprocessableContent,
            code: "validation-failed",
            title: "Invalid request",
            detail: errors.count == 1 ? "1 field is invalid." : "\(errors.count) fields are invalid.",
            errors: errors
        )
    }

    /// 422 for the issues a check of a source document found (each names its member).
    package static func validation(_ issues: [SourceInvoiceIssue]) -> HubProblem {
        validation(issues.map { FieldError(pointer: $0.pointer, detail: $0.detail) })
    }

    /// 422 for one field.
    package static func invalid(_ pointer: String, _ detail: String) -> HubProblem {
        validation([FieldError(pointer: pointer, detail: detail)])
    }

    /// 401: no token, or an unknown or revoked one.
    package static let unauthorized = HubProblem(
        status: .unauthorized,
        code: "unauthorized",
        title: "Unauthorized",
        detail: "Send a valid hub API token as 'Authorization: Bearer <token>'."
    )

    /// 403: the token is valid but may not do this (e.g. a tenant token on partner routes).
    package static func forbidden(_ detail: String) -> HubProblem {
        HubProblem(status: .forbidden, code: "forbidden", title: "Forbidden", detail: detail)
    }

    /// 404: no such resource (or one the caller may not see).
    package static func notFound(_ detail: String) -> HubProblem {
        HubProblem(status: .notFound, code: "not-found", title: "Not found", detail: detail)
    }

    /// 409: the resource's state does not allow the change.
    package static func conflict(_ detail: String) -> HubProblem {
        HubProblem(status: .conflict, code: "conflict", title: "Conflict", detail: detail)
    }

    /// 413: the request body exceeds `limit` bytes.
    package static func payloadTooLarge(limit: Int) -> HubProblem {
        HubProblem(
            status: .contentTooLarge,
            code: "payload-too-large",
            title: "Request body too large",
            detail: "The request body exceeds the limit of \(limit) bytes."
        )
    }

    /// 500: anything unexpected; the details go only to the log.
    package static let internalError = HubProblem(
        status: .internalServerError,
        code: "internal-error",
        title: "Internal server error",
        detail: "The hub could not process the request; the details are in its log."
    )

    /// 502: lexoffice answered with an error the caller must know about.
    package static func lexoffice(_ detail: String) -> HubProblem {
        HubProblem(
            status: .badGateway,
            code: "lexoffice-error",
            title: "lexoffice answered with an error",
            detail: detail
        )
    }

    /// 502: lexoffice could not be reached (refused, timed out, no answer); trying again later may work.
    package static func lexofficeUnreachable(_ detail: String) -> HubProblem {
        HubProblem(
            status: .badGateway,
            code: "lexoffice-unreachable",
            title: "lexoffice could not be reached",
            detail: detail
        )
    }
}
