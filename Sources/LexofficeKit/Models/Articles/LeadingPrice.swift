/// Which of an article's two prices was set; the other is computed from it.
public struct LeadingPrice: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The net price is set; the gross price is computed.
    public static let net: LeadingPrice = "NET"
    /// The gross price is set; the net price is computed.
    public static let gross: LeadingPrice = "GROSS"

    public static let documentedValues: [LeadingPrice] = [.net, .gross]
}
