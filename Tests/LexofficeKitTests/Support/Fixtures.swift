import Foundation
import LexofficeKit

/// Raw lexoffice JSON samples from `Tests/Fixtures/lexoffice/`, transcribed from the API documentation.
enum Fixtures {
    /// The fixture directory, found relative to this source file.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // LexofficeKitTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures/lexoffice")

    /// The bytes of fixture `name` (e.g. `contact-get.json`).
    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    /// Decodes fixture `name` as `type`, encodes the value again and lists every difference between the two
    /// JSON documents: a key present on one side only, or a different value. `null` counts as absent, and
    /// numbers compare by value (`89.0` equals `89`). An empty list means the model carries every field.
    static func roundTripDifferences<Model: Codable>(_ type: Model.Type, _ name: String) throws -> [String] {
        let original = try JSONDecoder().decode(JSONValue.self, from: data(name))
        let model = try JSONDecoder().decode(type, from: data(name))
        let reencoded = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(model))
        return differences(original, reencoded, path: "$")
    }

    /// Field-by-field differences of two JSON values (`null` members count as absent).
    static func differences(_ lhs: JSONValue, _ rhs: JSONValue, path: String) -> [String] {
        switch (lhs, rhs) {
        case (.object(let left), .object(let right)):
            let keys = Set(left.keys).union(right.keys).sorted()
            return keys.flatMap { key -> [String] in
                switch (left[key] ?? .null, right[key] ?? .null) {
                case (.null, .null): []
                case (.null, _): ["\(path).\(key): only in re-encoded JSON"]
                case (_, .null): ["\(path).\(key): missing after re-encoding"]
                case (let l, let r): differences(l, r, path: "\(path).\(key)")
                }
            }
        case (.array(let left), .array(let right)):
            guard left.count == right.count else { return ["\(path): \(left.count) vs \(right.count) elements"] }
            return zip(left, right).enumerated().flatMap { differences($1.0, $1.1, path: "\(path)[\($0)]") }
        default:
            return lhs == rhs ? [] : ["\(path): \(lhs) != \(rhs)"]
        }
    }
}

extension Decodable {
    /// A model decoded from a fixture file, e.g. `try Contact.fixture("contact-create.json")`.
    static func fixture(_ name: String) throws -> Self {
        try JSONDecoder().decode(Self.self, from: Fixtures.data(name))
    }
}
