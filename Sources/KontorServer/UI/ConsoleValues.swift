/// Template values without the absent ones: Mustache treats an empty string as present (`{{#name}}` would render),
/// so `nil` and `""` are left out.
enum ConsoleValues {
    /// `values` without `nil` and empty strings.
    static func compact(_ values: [String: Any?]) -> [String: Any] {
        values.compactMapValues { value in
            guard let value else { return nil }
            if let text = value as? String, text.isEmpty { return nil }
            return value
        }
    }
}
