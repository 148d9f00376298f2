/// Reads PDF objects from bytes (ISO 32000-1 §7.2–7.3): the lexical level and the object syntax, no semantics.
///
/// Nesting is bounded so that hostile input cannot exhaust the stack.
struct PDFObjectParser {
    static let maximumNesting = 64

    let bytes: [UInt8]
    var position: Int

    init(bytes: [UInt8], position: Int) {
        self.bytes = bytes
        self.position = position
    }

    // MARK: Lexical level

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            true
        default: false
        }
    }

    mutating func skipWhitespaceAndComments() {
        while position < bytes.count {
            if Self.isWhitespace(bytes[position]) {
                position += 1
            } else if bytes[position] == UInt8(ascii: "%") {
                while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    /// Reads a run of regular characters (a number or a keyword) without consuming it.
    func peekToken() -> ArraySlice<UInt8> {
        var end = position
        while end < bytes.count, !Self.isWhitespace(bytes[end]), !Self.isDelimiter(bytes[end]) { end += 1 }
        return bytes[position..<end]
    }

    /// Consumes `keyword` if it comes next (after whitespace) as a whole token.
    mutating func consumeKeyword(_ keyword: String) -> Bool {
        skipWhitespaceAndComments()
        guard peekToken().elementsEqual(keyword.utf8) else { return false }
        position += keyword.utf8.count
        return true
    }

    /// Reads a non-negative integer token.
    mutating func readInteger() -> Int? {
        skipWhitespaceAndComments()
        let token = peekToken()
        guard !token.isEmpty, token.count <= 18, token.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        position += token.count
        return token.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    // MARK: Objects

    /// Reads one direct object; `n g R` becomes a reference. Streams are handled by ``PDFFile``.
    mutating func readObject(depth: Int = 0) throws(EInvoiceError) -> PDFObject {
        guard depth < Self.maximumNesting else { throw .malformedPDF("Objects are nested too deeply.") }
        skipWhitespaceAndComments()
        guard position < bytes.count else { throw .malformedPDF("The file ends inside an object.") }
        switch bytes[position] {
        case UInt8(ascii: "/"):
            position += 1
            return .name(readName())
        case UInt8(ascii: "("):
            position += 1
            return .string(try readLiteralString())
        case UInt8(ascii: "<"):
            if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "<") {
                position += 2
                return .dictionary(try readDictionaryBody(depth: depth))
            }
            position += 1
            return .string(try readHexString())
        case UInt8(ascii: "["):
            position += 1
            var elements: [PDFObject] = []
            while true {
                skipWhitespaceAndComments()
                guard position < bytes.count else { throw .malformedPDF("An array is not closed.") }
                if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .array(elements)
                }
                elements.append(try readObject(depth: depth + 1))
            }
        default:
            return try readNumberOrKeyword()
        }
    }

    /// Reads the entries of a dictionary whose `<<` has been consumed.
    mutating func readDictionaryBody(depth: Int) throws(EInvoiceError) -> [String: PDFObject] {
        var dictionary: [String: PDFObject] = [:]
        while true {
            skipWhitespaceAndComments()
            guard position + 1 < bytes.count else { throw .malformedPDF("A dictionary is not closed.") }
            if bytes[position] == UInt8(ascii: ">"), bytes[position + 1] == UInt8(ascii: ">") {
                position += 2
                return dictionary
            }
            guard bytes[position] == UInt8(ascii: "/") else { throw .malformedPDF("A dictionary key is not a name.") }
            position += 1
            let key = readName()
            dictionary[key] = try readObject(depth: depth + 1)
        }
    }

    private mutating func readNumberOrKeyword() throws(EInvoiceError) -> PDFObject {
        let token = peekToken()
        guard !token.isEmpty else { throw .malformedPDF("An unexpected character stands where an object should.") }
        position += token.count
        switch String(decoding: token, as: UTF8.self) {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "null": return .null
        case let text:
            if let value = Int(text) {
                if value >= 0, let reference = readReferenceTail(number: value) { return .reference(reference) }
                return .integer(value)
            }
            if let value = Double(text) { return .real(value) }
            throw .malformedPDF("An unknown keyword stands where an object should.")
        }
    }

    /// After an integer, reads `g R` if it follows; otherwise leaves the position unchanged.
    private mutating func readReferenceTail(number: Int) -> PDFReference? {
        let saved = position
        if let generation = readInteger(), consumeKeyword("R") {
            return PDFReference(number: number, generation: generation)
        }
        position = saved
        return nil
    }

    private mutating func readName() -> String {
        var name: [UInt8] = []
        while position < bytes.count, !Self.isWhitespace(bytes[position]), !Self.isDelimiter(bytes[position]) {
            if bytes[position] == UInt8(ascii: "#"), position + 2 < bytes.count,
                let high = Self.hexValue(bytes[position + 1]), let low = Self.hexValue(bytes[position + 2])
            {
                name.append(high << 4 | low)
                position += 3
            } else {
                name.append(bytes[position])
                position += 1
            }
        }
        return String(decoding: name, as: UTF8.self)
    }

    private mutating func readLiteralString() throws(EInvoiceError) -> [UInt8] {
        var result: [UInt8] = []
        var depth = 1
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "("):
                depth += 1
                result.append(byte)
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return result }
                result.append(byte)
            case UInt8(ascii: "\\"):
                readEscape(into: &result)
            default:
                result.append(byte)
            }
        }
        throw .malformedPDF("A string is not closed.")
    }

    private mutating func readEscape(into result: inout [UInt8]) {
        guard position < bytes.count else { return }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "n"): result.append(0x0A)
        case UInt8(ascii: "r"): result.append(0x0D)
        case UInt8(ascii: "t"): result.append(0x09)
        case UInt8(ascii: "b"): result.append(0x08)
        case UInt8(ascii: "f"): result.append(0x0C)
        case 0x0D:  // a line continuation
            if position < bytes.count, bytes[position] == 0x0A { position += 1 }
        case 0x0A: break
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = Int(byte - 0x30)
            for _ in 0..<2 where position < bytes.count && (0x30...0x37).contains(bytes[position]) {
                value = value * 8 + Int(bytes[position] - 0x30)
                position += 1
            }
            result.append(UInt8(truncatingIfNeeded: value))
        default: result.append(byte)
        }
    }

    private mutating func readHexString() throws(EInvoiceError) -> [UInt8] {
        var nibbles: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: ">") {
                if nibbles.count % 2 == 1 { nibbles.append(0) }
                return stride(from: 0, to: nibbles.count, by: 2).map { nibbles[$0] << 4 | nibbles[$0 + 1] }
            }
            if let value = Self.hexValue(byte) {
                nibbles.append(value)
            } else if !Self.isWhitespace(byte) {
                throw .malformedPDF("A hex string holds a non-hex character.")
            }
        }
        throw .malformedPDF("A hex string is not closed.")
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
