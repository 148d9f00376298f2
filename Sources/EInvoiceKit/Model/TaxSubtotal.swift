import Foundation

/// One line of the VAT breakdown (BG-23): the amounts of one category and rate.
public struct TaxSubtotal: Hashable, Sendable {
    /// The VAT category (BT-118).
    public var category: TaxCategory
    /// The rate in percent (BT-119), e.g. `19`; `nil` when the document states none (category O).
    public var rate: Decimal?
    /// The taxable amount of this category and rate (BT-116).
    public var taxableAmount: Decimal
    /// The tax amount of this category and rate (BT-117).
    public var taxAmount: Decimal
    /// The reason text for an exemption (BT-120), if any.
    public var exemptionReason: String?
    /// The reason code for an exemption (BT-121), if any, e.g. `VATEX-EU-AE`.
    public var exemptionReasonCode: String?

    /// Creates a breakdown line.
    public init(
        category: TaxCategory,
        rate: Decimal?,
        taxableAmount: Decimal,
        taxAmount: Decimal,
        exemptionReason: String? = nil,
        exemptionReasonCode: String? = nil
    ) {
        self.category = category
        self.rate = rate
        self.taxableAmount = taxableAmount
        self.taxAmount = taxAmount
        self.exemptionReason = exemptionReason
        self.exemptionReasonCode = exemptionReasonCode
    }
}
