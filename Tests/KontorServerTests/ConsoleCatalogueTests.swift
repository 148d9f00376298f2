import Foundation
import Testing

/// The console's texts: both languages have the same keys, and every key the templates and the code use exists.
@Suite("Web console: catalogue", .timeLimit(.minutes(1)))
struct ConsoleCatalogueTests {
    private static let resources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/KontorServer")

    private static func keys(_ language: String) throws -> Set<String> {
        let url = resources.appendingPathComponent("Resources/ui/strings.\(language).json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var keys: Set<String> = []
        func walk(_ group: [String: Any], _ prefix: String) {
            for (key, value) in group {
                if let nested = value as? [String: Any] {
                    walk(nested, prefix + key + ".")
                } else {
                    keys.insert(prefix + key)
                }
            }
        }
        walk(root, "")
        return keys
    }

    private static func matches(
        _ pattern: String,
        inFilesOf folder: String,
        ending suffix: String
    ) throws -> Set<String> {
        let directory = resources.appendingPathComponent(folder)
        let regex = try NSRegularExpression(pattern: pattern)
        var found: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(suffix) {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { found.insert(String(text[range])) }
            }
        }
        return found
    }

    @Test("German and English have the same keys")
    func sameKeys() throws {
        let german = try Self.keys("de")
        #expect(german.count > 150)
        #expect(german == (try Self.keys("en")))
    }

    @Test("every text the templates and the console's code name is in the catalogue")
    func everyKeyExists() throws {
        let keys = try Self.keys("de")
        let inTemplates = try Self.matches(
            #"\{\{t\.([A-Za-z]+\.[A-Za-z-]+)\}\}"#,
            inFilesOf: "Resources/ui",
            ending: ".mustache"
        )
        let inCode = try Self.matches(#"(?<!`)text\("([A-Za-z]+\.[A-Za-z-]+)""#, inFilesOf: "UI", ending: ".swift")
        #expect(inTemplates.count > 100)
        #expect(inCode.count > 10)
        #expect(inTemplates.subtracting(keys).sorted() == [])
        #expect(inCode.subtracting(keys).sorted() == [])
    }
}
