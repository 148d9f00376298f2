import Foundation

extension PlainJSON {
    /// A value the fast path does not read: the wrong JSON type, a required member missing or `null`, a number out
    /// of range. The caller falls back to `JSONDecoder`, which decides (and names the problem).
    package struct Unreadable: Error {}
}

/// A value read from ``PlainJSON`` exactly as `JSONDecoder` decodes it from the same text (its synthesized
/// `Decodable` conformance); anything else is ``PlainJSON/Unreadable``.
package protocol PlainJSONReadable {
    /// Reads `value`.
    init(plainJSON value: PlainJSON) throws(PlainJSON.Unreadable)
}

/// The members of a JSON object, read as a synthesized `Decodable` conformance reads them: unknown members are
/// ignored, an optional member may be absent or `null`.
package struct PlainJSONMembers {
    private let members: [(name: String, value: PlainJSON)]

    /// The members of `value`, which must be an object.
    package init(_ value: PlainJSON) throws(PlainJSON.Unreadable) {
        guard case .object(let members) = value else { throw PlainJSON.Unreadable() }
        self.members = members
    }

    /// The member `name`, present and not `null`.
    package func required<Value: PlainJSONReadable>(_ name: String) throws(PlainJSON.Unreadable) -> Value {
        guard let value = try optional(name) as Value? else { throw PlainJSON.Unreadable() }
        return value
    }

    /// The member `name`, or `nil` when it is absent or `null`.
    package func optional<Value: PlainJSONReadable>(_ name: String) throws(PlainJSON.Unreadable) -> Value? {
        guard let member = members.first(where: { $0.name == name }) else { return nil }
        if case .null = member.value { return nil }
        return try Value(plainJSON: member.value)
    }
}

extension String: PlainJSONReadable {
    package init(plainJSON value: PlainJSON) throws(PlainJSON.Unreadable) {
        guard case .string(let text) = value else { throw PlainJSON.Unreadable() }
        self = text
    }
}

extension Int: PlainJSONReadable {
    package init(plainJSON value: PlainJSON) throws(PlainJSON.Unreadable) {
        guard case .number(let text) = value, let number = Int(text) else { throw PlainJSON.Unreadable() }
        self = number
    }
}

extension Decimal: PlainJSONReadable {
    package init(plainJSON value: PlainJSON) throws(PlainJSON.Unreadable) {
        guard case .number(let text) = value, let number = Decimal(string: text) else {
            throw PlainJSON.Unreadable()
        }
        self = number
    }
}

extension Array: PlainJSONReadable where Element: PlainJSONReadable {
    package init(plainJSON value: PlainJSON) throws(PlainJSON.Unreadable) {
        guard case .array(let elements) = value else { throw PlainJSON.Unreadable() }
        self = []
        reserveCapacity(elements.count)
        for element in elements { append(try Element(plainJSON: element)) }
    }
}

extension PlainJSONReadable where Self: Decodable {
    /// Decodes JSON `bytes`: directly when they are plain JSON the type reads, else with `JSONDecoder` (which
    /// throws its `DecodingError` for what is wrong).
    package static func decodeJSON(_ bytes: UnsafeRawBufferPointer) throws -> Self {
        if let plain = PlainJSON.parse(bytes), let value = try? Self(plainJSON: plain) { return value }
        return try JSONDecoder().decode(Self.self, from: Data(bytes))
    }
}
