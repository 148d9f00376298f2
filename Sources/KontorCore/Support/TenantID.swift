/// Identifies a tenant (a client company served by the hub). Chosen by the partner, e.g. `acme`.
package struct TenantID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The identifier as stored and shown in URLs.
    package let rawValue: String

    /// A tenant identifier; no validation (see ``TenantID/isValid``).
    package init(rawValue: String) { self.rawValue = rawValue }

    /// A tenant identifier from a string literal or value.
    package init(_ rawValue: String) { self.rawValue = rawValue }

    /// Whether the identifier is usable in URLs and paths: 1–64 characters from `a-z`, `0-9`, `-` and `_`,
    /// starting with a letter or digit.
    package var isValid: Bool {
        guard let first = rawValue.unicodeScalars.first, rawValue.unicodeScalars.count <= 64 else { return false }
        let allowed = rawValue.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
        return allowed && first != "-" && first != "_"
    }

    /// The raw identifier.
    package var description: String { rawValue }
}
