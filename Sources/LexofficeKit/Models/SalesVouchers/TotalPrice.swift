import struct Foundation.Decimal

/// The totals of a sales voucher; send only `currency` and optionally a total discount.
public struct TotalPrice: Codable, Hashable, Sendable {
    /// The currency; lexoffice supports only `EUR`.
    public var currency: Currency
    /// The net total, 2 decimals; read-only: ignored by lexoffice when sent.
    public var totalNetAmount: Decimal?
    /// The gross total, 2 decimals; read-only: ignored by lexoffice when sent.
    public var totalGrossAmount: Decimal?
    /// The tax total, 2 decimals; read-only: ignored by lexoffice when sent.
    public var totalTaxAmount: Decimal?
    /// An absolute discount on the whole document, 2 decimals.
    public var totalDiscountAbsolute: Decimal?
    /// A discount in percent on the net (or, for `gross` documents, gross) total; the contact's default applies
    /// when neither discount is sent.
    public var totalDiscountPercentage: Decimal?

    /// Creates totals; for a request, `TotalPrice(currency: .euro)` is enough.
    public init(
        currency: Currency,
        totalNetAmount: Decimal? = nil,
        totalGrossAmount: Decimal? = nil,
        totalTaxAmount: Decimal? = nil,
        totalDiscountAbsolute: Decimal? = nil,
        totalDiscountPercentage: Decimal? = nil
    ) {
        self.currency = currency
        self.totalNetAmount = totalNetAmount
        self.totalGrossAmount = totalGrossAmount
        self.totalTaxAmount = totalTaxAmount
        self.totalDiscountAbsolute = totalDiscountAbsolute
        self.totalDiscountPercentage = totalDiscountPercentage
    }
}
