/// A bookkeeping voucher date: written as a plain day, returned by lexoffice as a full date-time.
///
/// `POST`/`PUT /v1/vouchers` take `voucherDate`, `shippingDate` and `dueDate` as `yyyy-MM-dd`; `GET` returns
/// `2025-03-02T00:00:00.000+01:00`. The value keeps the form it was decoded in so it re-encodes unchanged.
public enum BookkeepingDate: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A plain day, the form to send.
    case day(PlainDate)
    /// A full timestamp, the form lexoffice returns.
    case dateTime(LexofficeDateTime)

    /// The calendar day, whichever form the value has.
    public var day: PlainDate {
        switch self {
        case .day(let day): day
        case .dateTime(let dateTime): dateTime.localDay
        }
    }

    public var description: String {
        switch self {
        case .day(let day): day.description
        case .dateTime(let dateTime): dateTime.description
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        if let day = DateTimeParser.parseDate(string) {
            self = .day(day)
        } else if let dateTime = DateTimeParser.parse(string) {
            self = .dateTime(dateTime)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss.SSSXXX"
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
