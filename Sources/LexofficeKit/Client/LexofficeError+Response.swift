import NIOHTTP1

extension LexofficeError {
    /// Maps a lexoffice error response to an error with a stable code and an actionable sentence.
    static func forResponse(
        status: Int,
        body: LexofficeErrorBody?,
        method: HTTPMethod,
        requestPath: String,
        isIdempotent: Bool,
        afterUnknownOutcome: Bool
    ) -> LexofficeError {
        let (code, detail) = classify(
            status: status,
            body: body,
            method: method,
            afterUnknownOutcome: afterUnknownOutcome
        )
        let notExecuted = status == 429 || status == 401 || status == 403 || (400..<500).contains(status)
        return LexofficeError(
            code: code,
            detail: detail,
            status: status,
            body: body,
            method: method.rawValue,
            requestPath: requestPath,
            isRetrySafe: code != .outcomeUnknown && (notExecuted || isIdempotent)
        )
    }

    private static func classify(
        status: Int,
        body: LexofficeErrorBody?,
        method: HTTPMethod,
        afterUnknownOutcome: Bool
    ) -> (Code, String) {
        if afterUnknownOutcome {
            return (
                .outcomeUnknown,
                "an earlier attempt of this update may have been applied (now 409); read the resource to find out"
            )
        }
        switch status {
        case 400:
            if body?.message?.contains("Maximum search window") == true {
                return (.searchWindowExceeded, "lexoffice pages through at most 10,000 entries; narrow the filters")
            }
            return (.badRequest, "lexoffice rejected the request as malformed (check query parameters)")
        case 401:
            return (.unauthorized, "the API key or access token is missing, invalid, expired or revoked")
        case 402:
            return (.paymentRequired, "the organization's lexoffice plan does not include this feature")
        case 403:
            return (
                .forbidden, "the credential lacks the permission (scope) for this call, or the route does not exist"
            )
        case 404:
            return (.notFound, "the resource does not exist (or not in the requested representation)")
        case 405:
            return (.methodNotAllowed, "lexoffice does not allow this method on the resource")
        case 406:
            if case .legacy(let issues) = body, issues.contains(where: { $0.source == "version" }) {
                return (.versionConflict, "the resource was changed meanwhile; read it again, merge and retry")
            }
            return (.validationFailed, "lexoffice rejected the data or the action in the resource's current state")
        case 409:
            if method == .PUT {
                return (.versionConflict, "the resource was changed meanwhile; read it again, merge and retry")
            }
            return (.conflict, "the request conflicts with the resource's state (duplicate, or a draft without a file)")
        case 415:
            return (.unsupportedMediaType, "lexoffice did not accept the request's Content-Type")
        case 429:
            return (.rateLimited, "the connection's rate limit is exhausted; the request was not executed")
        case 504 where method == .POST:
            return (
                .outcomeUnknown,
                "lexoffice timed out (504) and may still have executed the request — look the resource up before "
                    + "sending it again"
            )
        case 504:
            return (.timeout, "lexoffice's gateway timed out (504)")
        case 500..<600:
            return (.serverError, "lexoffice failed to process the request (HTTP \(status))")
        default:
            return (.unexpectedStatus, "lexoffice answered with an undocumented status")
        }
    }
}
