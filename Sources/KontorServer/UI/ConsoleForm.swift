import Foundation

/// A submitted form (`application/x-www-form-urlencoded`): every value of every field, in order.
package struct ConsoleForm: Sendable {
    private let fields: [String: [String]]

    /// The form in `body`.
    init(body: String) {
        var fields: [String: [String]] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            fields[name, default: []].append(parts.count == 2 ? Self.decode(parts[1]) : "")
        }
        self.fields = fields
    }

    /// The first value of `name`, trimmed; `nil` when absent or empty.
    func value(_ name: String) -> String? {
        guard let value = fields[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// The first value of `name` exactly as sent (passwords: spaces count).
    func rawValue(_ name: String) -> String? { fields[name]?.first }

    /// Every value of `name` (checkbox groups).
    func values(_ name: String) -> [String] { fields[name] ?? [] }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
