/// A day in the Gregorian calendar without a time or time zone, as invoices state their dates.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, e.g. 2018.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...31 (checked against the month's length).
    public let day: Int

    /// Creates a date, or `nil` if the day does not exist (such as 2023-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let isLeapYear = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (ISO 8601, UBL) or `YYYYMMDD` (UN/CEFACT format 102, CII); `nil` for anything else.
    public init?(_ text: String) {
        let digits = Array(text.utf8)
        let compact: [UInt8]
        if digits.count == 10, digits[4] == UInt8(ascii: "-"), digits[7] == UInt8(ascii: "-") {
            compact = Array(digits[0..<4] + digits[5..<7] + digits[8..<10])
        } else {
            compact = digits
        }
        guard compact.count == 8, compact.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        let number = { (range: Range<Int>) in compact[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } }
        self.init(year: number(0..<4), month: number(4..<6), day: number(6..<8))
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The date as `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
