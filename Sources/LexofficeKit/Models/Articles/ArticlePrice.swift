import struct Foundation.Decimal

/// The price of an article: the leading price is set, the other one is computed with ``taxRate``.
public struct ArticlePrice: Codable, Hashable, Sendable {
    /// The net price; required when ``leadingPrice`` is `NET`, read-only otherwise.
    public var netPrice: Decimal?
    /// The gross price; required when ``leadingPrice`` is `GROSS`, read-only otherwise.
    public var grossPrice: Decimal?
    /// Which price was set; on read, the price last set in the app or through the API.
    public var leadingPrice: LeadingPrice
    /// The tax rate in percent: `0`, `7` or `19`.
    public var taxRate: Decimal

    /// Creates a price; give the price that ``leadingPrice`` names.
    public init(leadingPrice: LeadingPrice, taxRate: Decimal, netPrice: Decimal? = nil, grossPrice: Decimal? = nil) {
        self.netPrice = netPrice
        self.grossPrice = grossPrice
        self.leadingPrice = leadingPrice
        self.taxRate = taxRate
    }
}
