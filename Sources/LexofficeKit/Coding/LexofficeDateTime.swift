import struct Foundation.Date

/// A lexoffice timestamp: an instant plus the UTC offset it is written in.
///
/// lexoffice uses exactly the pattern `yyyy-MM-ddTHH:mm:ss.SSSXXX` (three millisecond digits, offset `Z` or
/// `±HH:MM`), e.g. `2025-03-10T00:00:00.000+01:00`, and rejects other forms in request bodies with 406. Keeping
/// the offset makes a decoded value re-encode byte for byte. Values created from a `Date` are written in German
/// local time like lexoffice's own responses.
///
/// Equality compares instant and offset; use ``date`` or `<` to compare instants only.
public struct LexofficeDateTime: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let millisecondsSince1970: Int64
    /// The offset from UTC, in seconds, the value is written in (`+01:00` is 3600).
    public let utcOffsetSeconds: Int

    /// Creates a value from its parts; `utcOffsetSeconds` must be a whole number of minutes within ±18 hours.
    public init(millisecondsSince1970: Int64, utcOffsetSeconds: Int) {
        precondition(abs(utcOffsetSeconds) <= 18 * 3600 && utcOffsetSeconds % 60 == 0, "invalid UTC offset")
        self.millisecondsSince1970 = millisecondsSince1970
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// The instant of `date`, written in Europe/Berlin local time (milliseconds truncated, after rounding to whole
    /// microseconds: `1.234` s is `1233.9999…` ms in binary floating point and must stay 1234).
    public init(_ date: Date) {
        let milliseconds = Int64(((date.timeIntervalSince1970 * 1_000_000).rounded() / 1000).rounded(.down))
        self.init(
            millisecondsSince1970: milliseconds,
            utcOffsetSeconds: CivilCalendar.berlinOffsetSeconds(atMillisecondsSince1970: milliseconds)
        )
    }

    /// Local midnight in Europe/Berlin of a calendar day: how lexoffice writes business dates such as
    /// `voucherDate` (`2025-02-22T00:00:00.000+01:00`).
    public init(localMidnightOf day: PlainDate) {
        let offset = CivilCalendar.berlinOffsetSeconds(atLocalMidnightOf: day.year, day.month, day.day)
        let days = Int64(CivilCalendar.daysSinceEpoch(year: day.year, month: day.month, day: day.day))
        self.init(millisecondsSince1970: (days * 86_400 - Int64(offset)) * 1000, utcOffsetSeconds: offset)
    }

    /// Parses `yyyy-MM-ddTHH:mm:ss.SSSXXX`.
    ///
    /// Responses are read leniently: 0–9 fraction digits and offsets without a colon are accepted.
    /// - Throws: ``LexofficeError`` with code ``LexofficeError/Code/invalidArgument`` for anything else.
    public init(_ string: String) throws {
        guard let parsed = DateTimeParser.parse(string) else {
            throw LexofficeError.invalidArgument(
                field: nil,
                detail: "'\(string.prefix(40))' is not a lexoffice date-time (yyyy-MM-ddTHH:mm:ss.SSSXXX)"
            )
        }
        self = parsed
    }

    /// The instant as a Foundation `Date`.
    public var date: Date { Date(timeIntervalSince1970: Double(millisecondsSince1970) / 1000) }

    /// The calendar day in the value's own offset (for `voucherDate`-style business dates).
    public var localDay: PlainDate {
        let localMilliseconds = millisecondsSince1970 + Int64(utcOffsetSeconds) * 1000
        let civil = CivilCalendar.civilDate(
            daysSinceEpoch: Int(CivilCalendar.floorDivide(localMilliseconds, 86_400_000))
        )
        return PlainDate(unchecked: civil.year, civil.month, civil.day)
    }

    /// The documented wire form, e.g. `2025-03-10T14:02:11.504+01:00`.
    public var description: String { DateTimeFormatter.format(self) }

    public static func < (lhs: LexofficeDateTime, rhs: LexofficeDateTime) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let parsed = DateTimeParser.parse(string) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected a date-time like 2025-03-10T00:00:00.000+01:00"
            )
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
