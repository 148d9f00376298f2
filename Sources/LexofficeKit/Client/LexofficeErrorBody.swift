import struct Foundation.Data
import class Foundation.JSONDecoder

/// An error body in one of lexoffice's three shapes.
public enum LexofficeErrorBody: Hashable, Sendable {
    /// API-gateway errors (401, 403, 429, some 5xx): `{"message": "..."}`. The message can echo the
    /// `Authorization` header (403), so it is never put into descriptions.
    case gateway(message: String?)
    /// The legacy `{"IssueList": [...]}` body of contacts, files and vouchers.
    case legacy(issues: [LegacyIssue])
    /// The regular body (`timestamp`, `status`, `error`, `path`, `traceId`, `message`, `details`).
    case regular(RegularErrorBody)
    /// A bare JSON string, e.g. `"Invalid or missing upload type."`.
    case text(String)

    /// Parses a response body; `nil` when it is empty or none of the known shapes.
    public init?(json data: Data) {
        guard !data.isEmpty, let value = try? JSONDecoder().decode(JSONValue.self, from: data) else { return nil }
        switch value {
        case .string(let text):
            self = .text(text)
        case .object(let members):
            if members["IssueList"] != nil, let list = try? JSONDecoder().decode(LegacyIssueList.self, from: data) {
                self = .legacy(issues: list.issueList)
            } else if members.keys.contains(where: RegularErrorBody.distinctiveKeys.contains),
                let regular = try? JSONDecoder().decode(RegularErrorBody.self, from: data)
            {
                self = .regular(regular)
            } else if members.keys.contains("message") {
                self = .gateway(message: members["message"]?.stringValue)
            } else {
                return nil
            }
        default:
            return nil
        }
    }

    /// The trace id of a regular body.
    public var traceID: String? {
        if case .regular(let body) = self { body.traceId } else { nil }
    }

    /// The first offending field named by the body.
    public var firstField: String? {
        switch self {
        case .legacy(let issues): issues.lazy.compactMap(\.source).first
        case .regular(let body): body.details?.lazy.compactMap(\.field).first
        case .gateway, .text: nil
        }
    }

    /// The developer message, if the body has one (may contain request values: do not log it).
    public var message: String? {
        switch self {
        case .gateway(let message): message
        case .regular(let body): body.message
        case .text(let text): text
        case .legacy: nil
        }
    }

    /// Keys and field paths only, safe for logs: `company.name: missing_entity`, `lineItems[0].name: NOTNULL`.
    var issueSummary: String {
        switch self {
        case .legacy(let issues):
            issues.map { "\($0.source ?? "-"): \($0.i18nKey ?? "?")" }.joined(separator: "; ")
        case .regular(let body):
            (body.details ?? []).map { "\($0.field ?? "-"): \($0.violation ?? "?")" }.joined(separator: "; ")
        case .gateway, .text:
            ""
        }
    }
}

/// The wrapper of legacy error issues (note the capitalised key).
struct LegacyIssueList: Codable {
    var issueList: [LegacyIssue]
    enum CodingKeys: String, CodingKey { case issueList = "IssueList" }
}

/// One issue of a legacy `IssueList` error body.
public struct LegacyIssue: Codable, Hashable, Sendable {
    /// Machine-readable key, e.g. `missing_entity`, `invalid_email`, `account_number_already_exists`.
    public var i18nKey: String?
    /// The offending attribute path, e.g. `company.name`.
    public var source: String?
    /// The category: `validation_failure`, `bad_request_error`, `technical_error`, ...
    public var type: String?
    /// Extra detail, shape not documented.
    public var additionalData: JSONValue?
    /// Arguments such as an allowed range.
    public var args: JSONValue?

    /// Creates an issue (simulators and tests).
    public init(
        i18nKey: String?,
        source: String?,
        type: String?,
        additionalData: JSONValue? = nil,
        args: JSONValue? = nil
    ) {
        self.i18nKey = i18nKey
        self.source = source
        self.type = type
        self.additionalData = additionalData
        self.args = args
    }
}

/// The regular error body of most endpoints.
public struct RegularErrorBody: Codable, Hashable, Sendable {
    /// When the error occurred (kept as sent).
    public var timestamp: String?
    /// The HTTP status; documented as a string, sent as a number — both are read.
    public var status: Int?
    /// The reason phrase, e.g. `Not Acceptable`.
    public var error: String?
    /// The request path.
    public var path: String?
    /// A short hex id for support.
    public var traceId: String?
    /// Seen in some 400 bodies.
    public var requestId: String?
    /// Developer message (may quote request values).
    public var message: String?
    /// Validation details.
    public var details: [RegularErrorDetail]?

    static let distinctiveKeys: Set<String> = ["timestamp", "traceId", "details", "error", "path", "requestId"]

    /// Creates a body (simulators and tests).
    public init(
        timestamp: String? = nil,
        status: Int? = nil,
        error: String? = nil,
        path: String? = nil,
        traceId: String? = nil,
        requestId: String? = nil,
        message: String? = nil,
        details: [RegularErrorDetail]? = nil
    ) {
        self.timestamp = timestamp
        self.status = status
        self.error = error
        self.path = path
        self.traceId = traceId
        self.requestId = requestId
        self.message = message
        self.details = details
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        timestamp = try container.decodeIfPresent(String.self, forKey: .timestamp)
        if let number = try? container.decodeIfPresent(Int.self, forKey: .status) {
            status = number
        } else {
            status = (try? container.decodeIfPresent(String.self, forKey: .status)).flatMap { Int($0) }
        }
        error = try container.decodeIfPresent(String.self, forKey: .error)
        path = try container.decodeIfPresent(String.self, forKey: .path)
        traceId = try container.decodeIfPresent(String.self, forKey: .traceId)
        requestId = try container.decodeIfPresent(String.self, forKey: .requestId)
        message = try container.decodeIfPresent(String.self, forKey: .message)
        details = try container.decodeIfPresent([RegularErrorDetail].self, forKey: .details)
    }
}

/// One validation detail of a regular error body.
public struct RegularErrorDetail: Codable, Hashable, Sendable {
    /// The rule violated, e.g. `NOTNULL`.
    public var violation: String?
    /// The property path with indexes, e.g. `lineItems[0].unitPrice.taxRatePercentage`.
    public var field: String?
    /// A localized (usually German) message.
    public var message: String?

    /// Creates a detail (simulators and tests).
    public init(violation: String?, field: String?, message: String?) {
        self.violation = violation
        self.field = field
        self.message = message
    }
}
