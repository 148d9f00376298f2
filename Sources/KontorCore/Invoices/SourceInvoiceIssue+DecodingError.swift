import Foundation

extension SourceInvoiceIssue {
    /// The issue that made decoding a body fail: a missing required member, `null` or a wrong JSON type, or
    /// invalid JSON (pointer `#`).
    ///
    /// Decoding stops at the first such problem, so a body yields at most one of these; the other rules are
    /// checked afterwards by ``SourceInvoice/validationIssues(sourceID:)``.
    package init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(pointer: Self.pointer(to: context.codingPath + [key]), detail: "is required")
        case .valueNotFound(_, let context):
            self.init(pointer: Self.pointer(to: context.codingPath), detail: "must not be null")
        case .typeMismatch(let type, let context):
            self.init(pointer: Self.pointer(to: context.codingPath), detail: "must be \(Self.jsonKind(of: type))")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            self.init(pointer: "#", detail: "is not valid JSON or has a number that does not fit its member")
        case .dataCorrupted(let context):
            self.init(pointer: Self.pointer(to: context.codingPath), detail: "is invalid")
        @unknown default:
            self.init(pointer: "#", detail: "could not be read")
        }
    }

    /// A JSON pointer fragment for a coding path; array positions are numbers, `~` and `/` are escaped.
    private static func pointer(to path: [any CodingKey]) -> String {
        let tokens = path.map { key in
            key.intValue.map(String.init)
                ?? key.stringValue.replacing("~", with: "~0").replacing("/", with: "~1")
        }
        return (["#"] + tokens).joined(separator: "/")
    }

    /// How the JSON type a decoder expected is called in messages.
    private static func jsonKind(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Decimal.Type, is Double.Type: "a number"
        case is [String: Any].Type: "an object"
        case is [Any].Type: "an array"
        default: "of another JSON type"
        }
    }
}
