/// A currency code; lexoffice supports only `EUR`.
public struct Currency: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Euro, the only currency lexoffice supports.
    public static let euro: Currency = "EUR"

    public static let documentedValues: [Currency] = [.euro]
}
