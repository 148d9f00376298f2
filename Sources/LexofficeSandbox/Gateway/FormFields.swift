import Foundation
import Hummingbird
import NIOCore

/// The fields of an `application/x-www-form-urlencoded` body or query string, decoded as lexoffice decodes them:
/// `+` is a space, `%2B` a plus.
struct FormFields: Sendable, Equatable {
    private(set) var values: [String: String] = [:]

    /// Parses `text`; for a repeated name the first value wins.
    init(_ text: String) {
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            guard !name.isEmpty, values[name] == nil else { continue }
            values[name] = parts.count == 2 ? Self.decode(parts[1]) : ""
        }
    }

    /// The fields of the query string of `request`.
    static func query(of request: Request) -> FormFields {
        FormFields(request.uri.query ?? "")
    }

    /// The query string's fields overlaid with the body's (older integrations put token parameters in the query).
    static func of(_ request: Request, maxBodySize: Int = 64 * 1024) async throws -> FormFields {
        var fields = query(of: request)
        let body = try await request.body.collect(upTo: maxBodySize)
        let bodyFields = FormFields(String(buffer: body))
        fields.values.merge(bodyFields.values) { _, fromBody in fromBody }
        return fields
    }

    /// A field's value; an empty value counts as missing.
    subscript(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
