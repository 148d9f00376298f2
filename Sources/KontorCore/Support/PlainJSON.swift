/// A JSON document read directly from its bytes, for the fast path of hot request bodies: ``parse(_:)`` accepts plain
/// JSON only and answers `nil` for anything else, so the caller hands that to `JSONDecoder`, whose results and error
/// messages stay the reference. Not plain (`nil`): invalid JSON or UTF-8, a number with an exponent or more than 38
/// digits, an object with a repeated member name, nesting deeper than 64, anything but whitespace after the value.
package indirect enum PlainJSON: Sendable {
    case object([(name: String, value: PlainJSON)])
    case array([PlainJSON])
    case string(String)
    /// A number as written (no exponent, at most 38 digits), to be read exactly.
    case number(String)
    case bool(Bool)
    case null

    /// The document in `bytes`, or `nil` when it is not plain JSON. With `anyNumber`, numbers with an exponent or
    /// more than 38 digits are read too (as written), so that any RFC 8259 document parses.
    package static func parse(_ bytes: UnsafeRawBufferPointer, anyNumber: Bool = false) -> PlainJSON? {
        var reader = PlainJSONParser(bytes: bytes, anyNumber: anyNumber)
        guard let value = reader.value(depth: 0) else { return nil }
        reader.skipWhitespace()
        return reader.isAtEnd ? value : nil
    }
}

/// The parser behind ``PlainJSON/parse(_:)``: a cursor over the bytes; every method answers `nil` when the text is
/// not plain JSON.
private struct PlainJSONParser {
    let bytes: UnsafeRawBufferPointer
    /// Whether numbers with an exponent or more than 38 digits are read too.
    let anyNumber: Bool
    var offset = 0

    init(bytes: UnsafeRawBufferPointer, anyNumber: Bool) {
        self.bytes = bytes
        self.anyNumber = anyNumber
    }

    var isAtEnd: Bool { offset == bytes.count }

    private static let maximumDepth = 64
    private static let maximumDigits = 38

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) -> PlainJSON? {
        skipWhitespace()
        guard offset < bytes.count, depth <= Self.maximumDepth else { return nil }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string().map(PlainJSON.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    private mutating func object(depth: Int) -> PlainJSON? {
        offset += 1
        var members: [(name: String, value: PlainJSON)] = []
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return .object(members) }
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\""), let name = string() else { return nil }
            guard !members.contains(where: { $0.name == name }) else { return nil }
            skipWhitespace()
            guard consume(UInt8(ascii: ":")), let value = value(depth: depth + 1) else { return nil }
            members.append((name, value))
            skipWhitespace()
            if consume(UInt8(ascii: "}")) { return .object(members) }
            guard consume(UInt8(ascii: ",")) else { return nil }
        }
    }

    private mutating func array(depth: Int) -> PlainJSON? {
        offset += 1
        var elements: [PlainJSON] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return .array(elements) }
        while true {
            guard let element = value(depth: depth + 1) else { return nil }
            elements.append(element)
            skipWhitespace()
            if consume(UInt8(ascii: "]")) { return .array(elements) }
            guard consume(UInt8(ascii: ",")) else { return nil }
        }
    }

    /// A string starting at the opening quote; escapes resolved, the UTF-8 validated.
    private mutating func string() -> String? {
        offset += 1
        let start = offset
        // Most strings hold no escape: their bytes are taken as they are.
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let text = Self.validUTF8(UnsafeRawBufferPointer(rebasing: bytes[start..<offset]))
                offset += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { return nil }
            offset += 1
        }
        var utf8 = Array(bytes[start..<offset])
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                return utf8.withUnsafeBytes(Self.validUTF8)
            case UInt8(ascii: "\\"):
                guard escape(into: &utf8) else { return nil }
            case 0..<0x20:
                return nil
            default:
                utf8.append(byte)
            }
        }
        return nil
    }

    /// `utf8` as text when it is valid UTF-8, else `nil` (as `String(validating:as:)`, which is several times
    /// slower). Decoding repairs invalid UTF-8 with U+FFFD, which is valid itself, so the text has exactly the
    /// bytes given only when they were valid.
    private static func validUTF8(_ utf8: UnsafeRawBufferPointer) -> String? {
        let text = utf8.withMemoryRebound(to: UInt8.self) { String(decoding: $0, as: UTF8.self) }
        return text.utf8.elementsEqual(utf8) ? text : nil
    }

    /// The escape after a backslash, appended as UTF-8.
    private mutating func escape(into utf8: inout [UInt8]) -> Bool {
        guard offset < bytes.count else { return false }
        let letter = bytes[offset]
        offset += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(letter)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            guard let scalar = unicodeEscape() else { return false }
            utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
        default: return false
        }
        return true
    }

    /// The scalar of `\uXXXX` (the `u` read), joining a surrogate pair; a lone surrogate is not plain.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let unit = hexQuad() else { return nil }
        switch unit {
        case 0xD800..<0xDC00:
            guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")), let low = hexQuad(),
                (0xDC00..<0xE000).contains(low)
            else { return nil }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        case 0xDC00..<0xE000:
            return nil
        default:
            return Unicode.Scalar(unit)
        }
    }

    private mutating func hexQuad() -> UInt32? {
        guard offset + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            offset += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?` with at most 38 digits; an exponent is not plain (both are read with
    /// `anyNumber`).
    private mutating func number() -> PlainJSON? {
        let start = offset
        _ = consume(UInt8(ascii: "-"))
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || bytes[offset - integerDigits] != UInt8(ascii: "0") else {
            return nil
        }
        var fractionDigits = 0
        if consume(UInt8(ascii: ".")) {
            fractionDigits = digits()
            guard fractionDigits > 0 else { return nil }
        }
        guard anyNumber || integerDigits + fractionDigits <= Self.maximumDigits else { return nil }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            guard anyNumber else { return nil }
            offset += 1
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            guard digits() > 0 else { return nil }
        }
        return .number(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self))
    }

    /// Skips decimal digits; returns how many.
    private mutating func digits() -> Int {
        let start = offset
        while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
        return offset - start
    }

    private mutating func literal(_ word: StaticString, _ value: PlainJSON) -> PlainJSON? {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return nil }
        for index in 0..<count where bytes[offset + index] != word.utf8Start[index] { return nil }
        offset += count
        return value
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard offset < bytes.count, bytes[offset] == byte else { return false }
        offset += 1
        return true
    }
}
