import Foundation

/// A value whose JSON members are listed once, in one table, from which both its reader (``PlainJSONReadable``)
/// and its writer (``CanonicalJSONObject``) are made: a new property is added in one place.
package protocol JSONRecord: CanonicalJSONObject, CanonicalJSONValue, PlainJSONReadable {
    /// The value members are read into; every required member overwrites its placeholder, or the read fails.
    static var blank: Self { get }
    /// The members, in UTF-8 key order (the writer's order).
    static var members: [JSONMember<Self>] { get }
}

extension JSONRecord {
    /// Writes the members of ``members`` in order, absent optionals left out.
    package func writeMembers(to writer: inout CanonicalJSONWriter) {
        for member in Self.members { member.write(self, &writer) }
    }

    /// Reads the members of ``members`` from a plain JSON object; unknown members are ignored, as `Decodable` does.
    package init(plainJSON value: PlainJSON) throws(PlainJSON.Unreadable) {
        let members = try PlainJSONMembers(value)
        var record = Self.blank
        for member in Self.members { try member.read(&record, members) }
        self = record
    }

    package func writeMember(_ name: StaticString, to writer: inout CanonicalJSONWriter) {
        writer.member(name, self)
    }
}

/// One member of a ``JSONRecord``: its key and property, as its reader and writer use them.
package struct JSONMember<Record>: Sendable {
    let write: @Sendable (Record, inout CanonicalJSONWriter) -> Void
    let read: @Sendable (inout Record, PlainJSONMembers) throws(PlainJSON.Unreadable) -> Void

    /// A member that must be present and not `null`.
    package static func required<Value: CanonicalJSONValue & PlainJSONReadable & Sendable>(
        _ key: StaticString,
        _ property: any WritableKeyPath<Record, Value> & Sendable
    ) -> Self {
        let name = key.description
        return JSONMember(
            write: { record, writer in record[keyPath: property].writeMember(key, to: &writer) },
            read: { record, members throws(PlainJSON.Unreadable) in
                record[keyPath: property] = try members.required(name)
            }
        )
    }

    /// A member that may be absent or `null` (and is left out when `nil`).
    package static func optional<Value: CanonicalJSONValue & PlainJSONReadable & Sendable>(
        _ key: StaticString,
        _ property: any WritableKeyPath<Record, Value?> & Sendable
    ) -> Self {
        let name = key.description
        return JSONMember(
            write: { record, writer in record[keyPath: property]?.writeMember(key, to: &writer) },
            read: { record, members throws(PlainJSON.Unreadable) in
                record[keyPath: property] = try members.optional(name)
            }
        )
    }
}

/// A value ``CanonicalJSONWriter`` writes as a member.
package protocol CanonicalJSONValue {
    /// Writes the value as the member `name` of the open object.
    func writeMember(_ name: StaticString, to writer: inout CanonicalJSONWriter)
}

extension String: CanonicalJSONValue {
    package func writeMember(_ name: StaticString, to writer: inout CanonicalJSONWriter) { writer.member(name, self) }
}

extension Decimal: CanonicalJSONValue {
    package func writeMember(_ name: StaticString, to writer: inout CanonicalJSONWriter) { writer.member(name, self) }
}

extension Int: CanonicalJSONValue {
    package func writeMember(_ name: StaticString, to writer: inout CanonicalJSONWriter) { writer.member(name, self) }
}

extension Bool: CanonicalJSONValue {
    package func writeMember(_ name: StaticString, to writer: inout CanonicalJSONWriter) { writer.member(name, self) }
}

extension Array: CanonicalJSONValue where Element: CanonicalJSONObject {
    package func writeMember(_ name: StaticString, to writer: inout CanonicalJSONWriter) { writer.member(name, self) }
}
