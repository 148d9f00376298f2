import LexofficeKit

extension FlowProblem.Code {
    /// lexoffice refused the API key offered for a connection.
    package static let apiKeyRejected = Self("api-key-rejected")
    /// The lexoffice organization is already connected to another tenant (its webhooks could not be told apart).
    package static let organizationTaken = Self("organization-taken")
    /// lexoffice failed or refused while connecting (profile, token, event subscriptions).
    package static let lexofficeFailed = Self("lexoffice-failed")
}

extension FlowProblem.Code {
    /// lexoffice could not be reached (connection refused, timed out, no answer) while connecting or checking.
    package static let lexofficeUnreachable = Self("lexoffice-unreachable")
}

extension FlowProblem {
    /// The problem for the lexoffice `error` met while `doing` something (e.g. "reading the lexoffice profile"):
    /// ``Code/lexofficeUnreachable`` when lexoffice could not be reached, else ``Code/lexofficeFailed``.
    package static func lexoffice(_ error: LexofficeError, while doing: String) -> FlowProblem {
        error.meansUnreachable
            ? FlowProblem(.lexofficeUnreachable, "\(doing) failed: lexoffice could not be reached (\(error.code))")
            : FlowProblem(.lexofficeFailed, "\(doing) failed: \(error.code)")
    }
}

extension LexofficeError {
    /// Whether the request never got an answer from lexoffice: refused, timed out, or its outcome unknown.
    package var meansUnreachable: Bool {
        [.connectionFailed, .timeout, .outcomeUnknown].contains(code)
    }
}
