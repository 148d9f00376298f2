import LexofficeKit

extension CommandFailure {
    /// Reports a LexofficeKit error: what failed, lexoffice's own message, the offending fields and the trace id.
    ///
    /// Exit codes: input rejected before sending → 2 (usage); no connection, or a timeout or lost connection
    /// without an answer → 4 (network); every answer of lexoffice → 3.
    init(_ error: LexofficeError) {
        var lines = ["error: \(Self.headline(of: error))"]
        lines += Self.detailLines(of: error.body)
        if let field = error.field, error.body == nil { lines.append("  field \(field)") }
        if let traceID = error.traceID { lines.append("  trace id: \(traceID)") }
        self.init(lines.joined(separator: "\n"), status: Self.status(of: error))
    }

    private static func headline(of error: LexofficeError) -> String {
        var text = "\(error.code)"
        if let status = error.status { text += " (HTTP \(status))" }
        if let method = error.method, let path = error.requestPath { text += " on \(method) \(path)" }
        return text + ": \(error.detail)"
    }

    /// Indented lines with lexoffice's message and each offending field (or issue without a field) of an error body.
    ///
    /// The API gateway's message (401, 403, 429) is left out: it can echo the `Authorization` header, and the
    /// headline already says what happened.
    static func detailLines(of body: LexofficeErrorBody?) -> [String] {
        var lines: [String] = []
        if case .gateway = body {
        } else if let message = body?.message, !message.isEmpty {
            lines.append("lexoffice says: \(message)")
        }
        return (lines + issues(of: body)).map { "  " + $0 }
    }

    private static func issues(of body: LexofficeErrorBody?) -> [String] {
        switch body {
        case .legacy(let issues):
            issues.map { issue in
                let key = issue.i18nKey ?? issue.type ?? "?"
                return issue.source.map { "field \($0): \(key)" } ?? "issue: \(key)"
            }
        case .regular(let body):
            (body.details ?? []).map { detail in
                "field \(detail.field ?? "-"): \(detail.violation ?? "?")" + (detail.message.map { " (\($0))" } ?? "")
            }
        case .gateway, .text, nil:
            []
        }
    }

    private static func status(of error: LexofficeError) -> ExitStatus {
        if error.code == .invalidArgument { return .usage }
        let isTransport = [LexofficeError.Code.connectionFailed, .timeout, .outcomeUnknown].contains(error.code)
        return isTransport && error.status == nil ? .network : .lexoffice
    }
}
