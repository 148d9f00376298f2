import Foundation

/// Every text of the console, per language, from `Resources/ui/strings.<language>.json` (no text in code): nested
/// groups for the templates (`{{t.group.key}}`) and the same texts flat for the code (`text("group.key")`).
package struct ConsoleCatalogue: Sendable {
    /// One language's texts.
    struct Strings: @unchecked Sendable {  // immutable after init; the nested dictionary is what Mustache reads
        let templateValues: [String: Any]
        let texts: [String: String]
        let locale: Locale
    }

    private let strings: [ConsoleLanguage: Strings]

    /// The catalogue embedded in the hub.
    /// - Throws: when a catalogue file is not a JSON object of strings (a build defect, caught by the tests).
    package init() throws {
        strings = [
            .de: try Self.load(PackageResources.strings_de_json),
            .en: try Self.load(PackageResources.strings_en_json),
        ]
    }

    /// The texts of `language`.
    func strings(_ language: ConsoleLanguage) -> Strings {
        strings[language] ?? strings[.de]!
    }

    /// The text at `path` in `language` with `{name}` placeholders filled from `values`; the path itself when
    /// missing (visible in tests, never a crash).
    func text(_ path: String, in language: ConsoleLanguage, _ values: [String: String] = [:]) -> String {
        var text = strings(language).texts[path] ?? path
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// Whether `path` names a text (so a code from a URL is shown only when the catalogue knows it).
    func hasText(_ path: String) -> Bool {
        strings(.de).texts[path] != nil
    }

    private static func load(_ bytes: [UInt8]) throws -> Strings {
        guard let root = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            let locale = root["locale"] as? String
        else { throw CatalogueDefect() }
        var texts: [String: String] = [:]
        func flatten(_ group: [String: Any], prefix: String) throws {
            for (key, value) in group {
                if let text = value as? String {
                    texts[prefix + key] = text
                } else if let nested = value as? [String: Any] {
                    try flatten(nested, prefix: prefix + key + ".")
                } else {
                    throw CatalogueDefect()
                }
            }
        }
        try flatten(root, prefix: "")
        return Strings(templateValues: root, texts: texts, locale: Locale(identifier: locale))
    }

    private struct CatalogueDefect: Error {}
}
