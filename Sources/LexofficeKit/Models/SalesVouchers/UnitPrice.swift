import struct Foundation.Decimal

/// The price of one unit of a line item.
///
/// Send the amount that leads for the tax type (`netAmount` unless `taxConditions.taxType` is `gross`); lexoffice
/// derives and returns the other one.
public struct UnitPrice: Codable, Hashable, Sendable {
    /// The currency; lexoffice supports only `EUR`.
    public var currency: Currency
    /// The net unit price, up to 4 decimals; required unless the tax type is `gross`.
    public var netAmount: Decimal?
    /// The gross unit price, up to 4 decimals; required when the tax type is `gross`.
    public var grossAmount: Decimal?
    /// The tax rate in percent, e.g. `19`; must be `0` for vat-free tax types.
    public var taxRatePercentage: Decimal

    /// Creates a unit price.
    public init(
        currency: Currency,
        taxRatePercentage: Decimal,
        netAmount: Decimal? = nil,
        grossAmount: Decimal? = nil
    ) {
        self.currency = currency
        self.netAmount = netAmount
        self.grossAmount = grossAmount
        self.taxRatePercentage = taxRatePercentage
    }
}
