/// A calendar day without time or time zone, as source applications send dates: `YYYY-MM-DD`.
///
/// Orders by calendar day. Encodes and decodes as the `YYYY-MM-DD` string; decoding anything else (such as
/// `2026-02-30` or `2026-2-3`) throws `DecodingError.dataCorrupted`.
package struct SourceDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, 1...9999.
    package let year: Int
    /// The month, 1...12.
    package let month: Int
    /// The day of the month, 1...31 depending on the month.
    package let day: Int

    /// A date from its parts; `nil` unless they form a real day of the Gregorian calendar in the years 1...9999.
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.numberOfDays(inMonth: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date from exactly `YYYY-MM-DD` (four-digit year, two-digit month and day); `nil` for any other text or
    /// for a day the calendar does not have.
    package init?(_ text: String) {
        let characters = Array(text.utf8)
        guard characters.count == 10, characters[4] == UInt8(ascii: "-"), characters[7] == UInt8(ascii: "-"),
            let year = Self.number(characters[0..<4]),
            let month = Self.number(characters[5..<7]),
            let day = Self.number(characters[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date as `YYYY-MM-DD`.
    package var description: String {
        Self.padded(year, width: 4) + "-" + Self.padded(month, width: 2) + "-" + Self.padded(day, width: 2)
    }

    /// Whether `lhs` is an earlier day than `rhs`.
    package static func < (lhs: SourceDate, rhs: SourceDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes a `YYYY-MM-DD` string.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = SourceDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Expected a calendar date in the form YYYY-MM-DD."
            )
        }
        self = date
    }

    /// Encodes the date as a `YYYY-MM-DD` string.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// How many days `month` has in `year` (Gregorian leap years).
    private static func numberOfDays(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let isLeapYear = year.isMultiple(of: 4) && (!year.isMultiple(of: 100) || year.isMultiple(of: 400))
            return isLeapYear ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    /// The value of ASCII decimal digits, or `nil` if any is not a digit.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    /// `value` in decimal with leading zeros to `width` digits.
    private static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
