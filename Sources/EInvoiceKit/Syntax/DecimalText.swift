import Foundation

/// Strict reading of XML decimal values (`xs:decimal`): an optional sign, digits, an optional fraction; no exponent,
/// no grouping, no locale.
enum DecimalText {
    private static let posix = Locale(identifier: "en_US_POSIX")

    static func parse(_ text: String) -> Decimal? {
        var digits = 0
        var dots = 0
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if offset != 0 { return nil }
            default: return nil
            }
        }
        guard digits > 0, digits <= 30, dots <= 1 else { return nil }
        return Decimal(string: text, locale: posix)
    }
}
