import Foundation
import LexofficeKit

extension CanonicalJSONWriter {
    /// Writes `value` as a string member under `name` the way `JSONEncoder`'s `.iso8601` strategy does
    /// (`2026-03-10T08:15:00Z`: UTC, whole seconds), nothing when `nil`.
    package mutating func member(_ name: StaticString, _ value: Date?) {
        guard let value else { return }
        key(name)
        string(Self.internetDateTime(value))
    }

    /// `date` as an RFC 3339 date-time in UTC, with the fraction of a second left out.
    static func internetDateTime(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = CivilCalendar.floorDivide(seconds, 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = CivilCalendar.civilDate(daysSinceEpoch: Int(days))
        guard (0...9_999).contains(year) else { return paddedDateTime(year, month, day, secondOfDay) }
        // Four-digit years (all but the most unusual dates): the 20 bytes written directly.
        var text = [UInt8](repeating: 0, count: 20)
        let fields =
            [(year, 0, 4), (month, 5, 2), (day, 8, 2), (secondOfDay / 3_600, 11, 2)]
            + [(secondOfDay % 3_600 / 60, 14, 2), (secondOfDay % 60, 17, 2)]
        for (value, start, width) in fields {
            var rest = Int(value)
            for index in stride(from: start + width - 1, through: start, by: -1) {
                text[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
        }
        for (index, separator) in [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "Z")]
            as [(Int, Unicode.Scalar)]
        {
            text[index] = UInt8(ascii: separator)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The date-time for any year: each field zero-padded to its width, a longer year as it is.
    private static func paddedDateTime(_ year: Int, _ month: Int, _ day: Int, _ secondOfDay: Int) -> String {
        func padded(_ number: some BinaryInteger, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))T\(padded(secondOfDay / 3_600, 2)):"
            + "\(padded(secondOfDay % 3_600 / 60, 2)):\(padded(secondOfDay % 60, 2))Z"
    }
}
