import struct Foundation.Decimal

/// The tax of one tax rate used in a sales voucher (read-only: ignored by lexoffice when sent).
public struct TaxAmount: Codable, Hashable, Sendable {
    /// The tax rate in percent.
    public var taxRatePercentage: Decimal
    /// The tax at this rate, 2 decimals.
    public var taxAmount: Decimal
    /// The net amount taxed at this rate, 2 decimals.
    public var netAmount: Decimal

    /// Creates a tax amount (simulators and tests).
    public init(taxRatePercentage: Decimal, taxAmount: Decimal, netAmount: Decimal) {
        self.taxRatePercentage = taxRatePercentage
        self.taxAmount = taxAmount
        self.netAmount = netAmount
    }
}
