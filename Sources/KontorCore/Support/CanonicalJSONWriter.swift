import Foundation

/// Writes JSON byte for byte as `JSONEncoder` does with `[.sortedKeys, .withoutEscapingSlashes]`, for types that
/// list their keys themselves, already in that order (UTF-8 byte order), and leave out absent optionals.
///
/// `JSONEncoder` builds a tree of boxed values and sorts every object's keys on each call; writing straight into a
/// byte buffer is several times faster, which matters on the hub's hottest path (every `PUT` of an invoice is
/// fingerprinted by its canonical JSON). Tests compare the output with `JSONEncoder`'s.
package struct CanonicalJSONWriter {
    /// The JSON written so far.
    private var bytes: [UInt8] = []
    /// Per open object or array: whether a member was written (the next needs a comma).
    private var hasMembers: [Bool] = []
    /// A key was written; its value follows without a separator.
    private var pendingKey = false

    /// An empty writer.
    package init(reservingCapacity capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// The JSON as text.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The JSON as UTF-8.
    package var utf8: [UInt8] { bytes }

    /// Writes an object whose members `body` writes with the `member` functions, in key order.
    package mutating func object(_ body: (inout CanonicalJSONWriter) -> Void) {
        beginValue()
        bytes.append(UInt8(ascii: "{"))
        hasMembers.append(false)
        body(&self)
        hasMembers.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    /// Writes an array of objects.
    package mutating func array(_ elements: [some CanonicalJSONObject]) {
        beginValue()
        bytes.append(UInt8(ascii: "["))
        hasMembers.append(false)
        for element in elements { object { element.writeMembers(to: &$0) } }
        hasMembers.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes the key of the next member of the open object; its value must follow.
    mutating func key(_ name: StaticString) {
        separateFromPreviousMember()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        pendingKey = true
    }

    /// Writes `value` as a string member under `name`, nothing when `nil`.
    package mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// Writes `value` as a string member under `name`, `null` when `nil`.
    package mutating func memberOrNull(_ name: StaticString, _ value: String?) {
        guard let value else {
            key(name)
            number("null")
            return
        }
        member(name, value)
    }

    /// Writes `value` as a number member under `name`, nothing when `nil`.
    package mutating func member(_ name: StaticString, _ value: Decimal?) {
        guard let value else { return }
        key(name)
        number(value.plainText)
    }

    /// Writes `value` as a number member under `name`, nothing when `nil`.
    package mutating func member(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        number(String(value))
    }

    /// Writes `value` as `true` or `false` under `name`, nothing when `nil`.
    package mutating func member(_ name: StaticString, _ value: Bool?) {
        guard let value else { return }
        key(name)
        number(value ? "true" : "false")
    }

    /// Writes `elements` as an array member under `name`, nothing when `nil`.
    package mutating func member(_ name: StaticString, _ elements: [some CanonicalJSONObject]?) {
        guard let elements else { return }
        key(name)
        array(elements)
    }

    /// Writes `value` as an object member under `name`, nothing when `nil`.
    package mutating func member(_ name: StaticString, _ value: (some CanonicalJSONObject)?) {
        guard let value else { return }
        key(name)
        object { value.writeMembers(to: &$0) }
    }

    /// Writes a string value, escaped as `JSONEncoder` escapes it.
    package mutating func string(_ value: String) {
        beginValue()
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                appendEscaped(byte)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A bare value (a number or `null`) as it is.
    private mutating func number(_ text: String) {
        beginValue()
        bytes.append(contentsOf: text.utf8)
    }

    /// Separates an array element from the previous one; a member's value follows its key directly.
    private mutating func beginValue() {
        if pendingKey {
            pendingKey = false
        } else {
            separateFromPreviousMember()
        }
    }

    /// A comma after the open object's or array's previous member; the next one will need one too.
    private mutating func separateFromPreviousMember() {
        guard let hasPrevious = hasMembers.last else { return }
        if hasPrevious { bytes.append(UInt8(ascii: ",")) }
        hasMembers[hasMembers.count - 1] = true
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x22: bytes.append(UInt8(ascii: "\""))
        case 0x5C: bytes.append(UInt8(ascii: "\\"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// A value ``CanonicalJSONWriter`` writes as an object: its members, in UTF-8 key order, absent optionals left out.
package protocol CanonicalJSONObject {
    /// Writes the members with the writer's `member` functions.
    func writeMembers(to writer: inout CanonicalJSONWriter)
}
