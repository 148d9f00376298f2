/// A string-backed lexoffice enumeration that keeps values it does not know.
///
/// lexoffice adds enum values over time (new voucher types, statuses, event types). Decoding never fails on an
/// unknown value: it is kept in ``rawValue`` and re-encoded unchanged. Each conforming type lists the documented
/// values in ``documentedValues``.
public protocol LexofficeEnum: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
where RawValue == String {
    /// Creates a value from its wire representation; never fails.
    init(rawValue: String)
    /// The values the lexoffice API reference documents for this enumeration.
    static var documentedValues: [Self] { get }
}

extension LexofficeEnum {
    /// Creates a value from a string literal, e.g. `let status: VoucherStatus = "open"`.
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    /// Decodes any string, known or not.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the raw value unchanged.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The wire representation.
    public var description: String { rawValue }

    /// Whether the value is one of ``documentedValues``; `false` for values lexoffice introduced later.
    public var isDocumented: Bool { Self.documentedValues.contains(self) }
}
