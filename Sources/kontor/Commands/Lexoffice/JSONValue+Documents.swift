import Foundation
import LexofficeKit

extension JSONValue {
    /// The JSON of a LexofficeKit model, field names as lexoffice writes them.
    init(encoding value: some Encodable) throws {
        self = try LexofficeJSON.decode(JSONValue.self, from: try LexofficeJSON.encode(value))
    }

    /// Decodes this JSON as a LexofficeKit model.
    /// - Throws: ``CommandFailure`` (usage) naming the field that does not fit.
    func decoded<Model: Decodable>(as type: Model.Type) throws -> Model {
        do {
            return try LexofficeJSON.decode(type, from: try LexofficeJSON.encode(self))
        } catch let DecodingError.keyNotFound(key, context) {
            throw CommandFailure(
                "the JSON lacks '\(Self.path(context.codingPath + [key]))', which lexoffice requires",
                status: .usage
            )
        } catch let DecodingError.typeMismatch(_, context) {
            throw CommandFailure("'\(Self.path(context.codingPath))' has the wrong type", status: .usage)
        } catch let DecodingError.valueNotFound(_, context) {
            throw CommandFailure("'\(Self.path(context.codingPath))' must not be null", status: .usage)
        }
    }

    /// The value at a dotted path such as `company.name` or `emailAddresses.business.0`.
    func value(at path: String) -> JSONValue? {
        var value: JSONValue? = self
        for key in path.split(separator: ".").map(String.init) {
            switch value {
            case .object(let members): value = members[key]
            case .array(let elements): value = Int(key).flatMap { elements.indices.contains($0) ? elements[$0] : nil }
            default: return nil
            }
        }
        return value
    }

    /// Sets `newValue` at a dotted object path, creating the objects on the way.
    mutating func set(_ newValue: JSONValue, at path: String) {
        let keys = path.split(separator: ".").map(String.init)
        self = setting(newValue, at: keys[...])
    }

    private func setting(_ newValue: JSONValue, at keys: ArraySlice<String>) -> JSONValue {
        guard let key = keys.first else { return newValue }
        var members: [String: JSONValue] = [:]
        if case .object(let existing) = self { members = existing }
        members[key] = (members[key] ?? .object([:])).setting(newValue, at: keys.dropFirst())
        return .object(members)
    }

    /// Applies an RFC 7396 merge patch: objects merge member by member, `null` removes a member, anything else
    /// replaces the value.
    func merged(with patch: JSONValue) -> JSONValue {
        guard case .object(let patchMembers) = patch else { return patch }
        var members: [String: JSONValue] = [:]
        if case .object(let existing) = self { members = existing }
        for (key, value) in patchMembers {
            if value == .null {
                members.removeValue(forKey: key)
            } else {
                members[key] = (members[key] ?? .null).merged(with: value)
            }
        }
        return .object(members)
    }

    /// Every leaf with its dotted path, keys in alphabetical order; empty objects and arrays count as leaves.
    var leaves: [(path: String, value: JSONValue)] {
        switch self {
        case .object(let members) where !members.isEmpty:
            members.keys.sorted().flatMap { key in
                members[key, default: .null].leaves.map {
                    (path: $0.path.isEmpty ? key : key + "." + $0.path, value: $0.value)
                }
            }
        case .array(let elements) where !elements.isEmpty:
            elements.enumerated().flatMap { index, element in
                element.leaves.map {
                    (path: $0.path.isEmpty ? "\(index)" : "\(index)." + $0.path, value: $0.value)
                }
            }
        default:
            [(path: "", value: self)]
        }
    }

    /// The value as a table cell: strings bare, numbers and booleans as JSON, `null` empty.
    var cellText: String {
        switch self {
        case .null: ""
        case .bool(let value): String(value)
        case .number(let value): "\(value)"
        case .string(let value): value
        case .array(let elements): elements.isEmpty ? "[]" : elements.map(\.cellText).joined(separator: ", ")
        case .object(let members): members.isEmpty ? "{}" : "{…}"
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
