/// A feature set the organization has booked.
public struct BusinessFeature: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Basic invoicing.
    public static let invoicing: BusinessFeature = "INVOICING"
    /// Extended invoicing: English documents, foreign customers, XRechnung, print layouts.
    public static let invoicingPro: BusinessFeature = "INVOICING_PRO"
    /// Full bookkeeping.
    public static let bookkeeping: BusinessFeature = "BOOKKEEPING"

    public static let documentedValues: [BusinessFeature] = [.invoicing, .invoicingPro, .bookkeeping]
}
