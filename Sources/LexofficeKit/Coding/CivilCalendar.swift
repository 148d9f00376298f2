/// Proleptic Gregorian calendar arithmetic and the Europe/Berlin offset, without Foundation's calendar.
///
/// lexoffice writes all timestamps in German local time (`+01:00` in winter, `+02:00` in summer). The EU
/// summer-time rule (last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC) has applied since 1996;
/// computing it here keeps date coding fast and independent of the machine's time-zone database.
package enum CivilCalendar {
    /// Days since 1970-01-01 for a civil date (Howard Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01 (`civil_from_days`).
    package static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Number of days in a month, leap years included.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Floor division that rounds towards negative infinity.
    package static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// The Europe/Berlin UTC offset in seconds at an instant (3600 or 7200).
    static func berlinOffsetSeconds(atMillisecondsSince1970 milliseconds: Int64) -> Int {
        let seconds = floorDivide(milliseconds, 1000)
        let year = civilDate(daysSinceEpoch: Int(floorDivide(seconds, 86_400))).year
        let summerStart = Int64(lastSundayDays(year: year, month: 3)) * 86_400 + 3600
        let summerEnd = Int64(lastSundayDays(year: year, month: 10)) * 86_400 + 3600
        return (summerStart..<summerEnd).contains(seconds) ? 7200 : 3600
    }

    /// The Europe/Berlin offset in effect at local midnight of a civil date.
    static func berlinOffsetSeconds(atLocalMidnightOf year: Int, _ month: Int, _ day: Int) -> Int {
        let midnightUTC = Int64(daysSinceEpoch(year: year, month: month, day: day)) * 86_400
        // Local midnight is 1–2 hours before midnight UTC; the switch happens at 01:00 UTC, never near midnight.
        return berlinOffsetSeconds(atMillisecondsSince1970: (midnightUTC - 3600) * 1000)
    }

    /// Days since epoch of the last Sunday of a month.
    private static func lastSundayDays(year: Int, month: Int) -> Int {
        let last = daysSinceEpoch(year: year, month: month, day: daysInMonth(year: year, month: month))
        let weekday = ((last % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday (4); 0 = Sunday
        return last - weekday
    }
}
