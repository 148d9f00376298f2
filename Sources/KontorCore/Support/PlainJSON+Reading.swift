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

extension Bool: PlainJSONReadable {
    package init(plainJSON value: PlainJSON) throws(PlainJSON.Unreadable) {
        guard case .bool(let flag) = value else { throw PlainJSON.Unreadable() }
        self = flag
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
        guard case .number(let text) = value, let number = Decimal(smallPlainNumber: text) ?? Decimal(string: text)
        else {
            throw PlainJSON.Unreadable()
        }
        self = number
    }

    /// The number `text` (`-`, digits, optionally `.` and digits) when it has at most 19 digits and is not zero, else
    /// `nil` (left to `Decimal(string:)`). The same value, exponent and significand as `Decimal(string:)` gives,
    /// several times faster: the digits are read into an integer.
    package init?(smallPlainNumber text: String) {
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var isNegative = false
        var hasPoint = false
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                guard digits <= 19 else { return nil }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                if hasPoint { fractionDigits += 1 }
            case UInt8(ascii: "-") where index == 0:
                isNegative = true
            case UInt8(ascii: ".") where !hasPoint && digits > 0:
                hasPoint = true
            default:
                return nil
            }
        }
        // Zero keeps the exponent it was written with in `Decimal(string:)`; it is rare, so it is left to that.
        guard mantissa != 0, !hasPoint || fractionDigits > 0 else { return nil }
        self.init(sign: isNegative ? .minus : .plus, exponent: -fractionDigits, significand: Decimal(mantissa))
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
