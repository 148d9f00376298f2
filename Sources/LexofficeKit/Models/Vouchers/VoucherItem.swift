import struct Foundation.Decimal

/// The amounts of a bookkeeping voucher for one tax rate and posting category.
public struct VoucherItem: Codable, Hashable, Sendable {
    /// The amount, net or gross according to the voucher's ``Voucher/taxType``; 2 decimals.
    public var amount: Decimal
    /// The tax of this item; 2 decimals.
    public var taxAmount: Decimal
    /// The tax rate in percent (note: `taxRatePercentage` in sales vouchers).
    public var taxRatePercent: Decimal
    /// The posting category; `income` categories for sales types, `outgo` for purchase types.
    public var categoryId: LexofficeID

    /// Creates an item.
    public init(amount: Decimal, taxAmount: Decimal, taxRatePercent: Decimal, categoryId: LexofficeID) {
        self.amount = amount
        self.taxAmount = taxAmount
        self.taxRatePercent = taxRatePercent
        self.categoryId = categoryId
    }
}
