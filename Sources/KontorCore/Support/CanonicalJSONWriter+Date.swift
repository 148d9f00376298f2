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
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = CivilCalendar.civilDate(daysSinceEpoch: Int(days))
        func padded(_ number: some BinaryInteger, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))T\(padded(secondOfDay / 3_600, 2)):"
            + "\(padded(secondOfDay % 3_600 / 60, 2)):\(padded(secondOfDay % 60, 2))Z"
    }
}
