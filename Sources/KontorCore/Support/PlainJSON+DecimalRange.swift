extension PlainJSON {
    /// The path to the first number in the JSON document `bytes` that `Decimal` cannot hold (an exponent that puts
    /// its last significant digit outside 10^-128…10^127, such as `5e-324` or `1e400`), or `nil` when the document
    /// is not JSON or has no such number. `JSONDecoder` refuses such a document as a whole ("not valid JSON"); this
    /// names the member instead, so that the answer can be a 422 for that field.
    package static func firstNumberOutsideDecimalRange(in bytes: UnsafeRawBufferPointer) -> [String]? {
        guard let document = parse(bytes, anyNumber: true) else { return nil }
        return document.firstNumber(at: []) { !fitsDecimal($0) }
    }

    /// The path to the first integer in the JSON document `bytes` that a 64-bit integer cannot hold (such as
    /// `27818459861199691776`), or `nil`. `JSONDecoder` refuses such a number for an `Int` member as a fault of the
    /// whole document too.
    package static func firstIntegerOutsideInt64Range(in bytes: UnsafeRawBufferPointer) -> [String]? {
        guard let document = parse(bytes, anyNumber: true) else { return nil }
        return document.firstNumber(at: []) { text in
            text.allSatisfy { $0.isNumber || $0 == "-" } && Int64(text) == nil
        }
    }

    /// The path to the first number whose text `matches`, depth first.
    private func firstNumber(at path: [String], matching matches: (String) -> Bool) -> [String]? {
        switch self {
        case .number(let text): return matches(text) ? path : nil
        case .object(let members):
            for member in members {
                if let found = member.value.firstNumber(at: path + [member.name], matching: matches) { return found }
            }
            return nil
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                if let found = element.firstNumber(at: path + [String(index)], matching: matches) { return found }
            }
            return nil
        case .string, .bool, .null: return nil
        }
    }

    /// Whether the JSON number `text` fits `Decimal`: its significant digits (at most 38 kept) end at a power of ten
    /// between -128 and 127. Zero always fits.
    static func fitsDecimal(_ text: String) -> Bool {
        let lowered = text.lowercased()
        let parts = lowered.split(separator: "e", maxSplits: 1)
        guard let mantissa = parts.first else { return false }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = pieces.count == 2 ? pieces[1] : ""
        let digits = (pieces[0].filter(\.isNumber) + fraction).drop { $0 == "0" }
        guard !digits.isEmpty else { return true }
        // An exponent beyond a million (or beyond `Int`) is far outside the range.
        guard let exponent = parts.count == 2 ? Int(parts[1]) : 0, abs(exponent) < 1_000_000 else { return false }
        let trailingZeros = digits.reversed().prefix { $0 == "0" }.count
        let significant = digits.count - trailingZeros
        let lastDigitPower = exponent - fraction.count + trailingZeros + max(0, significant - 38)
        return (-128...127).contains(lastDigitPower)
    }
}
