/// A calendar day without time or zone, written `yyyy-MM-dd`.
///
/// lexoffice uses plain dates for voucherlist date filters, bookkeeping voucher dates on write and recurring
/// template settings.
public struct PlainDate: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The year, 1...9999.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month.
    public let day: Int

    /// Creates a validated day.
    /// - Throws: ``LexofficeError`` (``LexofficeError/Code/invalidArgument``) for an impossible date.
    public init(year: Int, month: Int, day: Int) throws {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
        else {
            throw LexofficeError.invalidArgument(field: nil, detail: "\(year)-\(month)-\(day) is not a calendar date")
        }
        self.init(unchecked: year, month, day)
    }

    /// Parses `yyyy-MM-dd`.
    /// - Throws: ``LexofficeError`` (``LexofficeError/Code/invalidArgument``) for any other form.
    public init(_ string: String) throws {
        guard let parsed = DateTimeParser.parseDate(string) else {
            throw LexofficeError.invalidArgument(
                field: nil,
                detail: "'\(string.prefix(40))' is not a date (yyyy-MM-dd)"
            )
        }
        self = parsed
    }

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `count` days later (earlier for negative counts).
    public func adding(days count: Int) -> PlainDate {
        let civil = CivilCalendar.civilDate(
            daysSinceEpoch: CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) + count
        )
        return PlainDate(unchecked: civil.year, civil.month, civil.day)
    }

    public var description: String { DateTimeFormatter.formatDate(year: year, month: month, day: day) }

    public static func < (lhs: PlainDate, rhs: PlainDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let parsed = DateTimeParser.parseDate(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a date like 2025-03-02")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
