import Foundation

/// An invoice line (BG-25), reduced to its identity, its net amount and its VAT.
public struct InvoiceLine: Hashable, Sendable {
    /// The line identifier (BT-126); `nil` only in ZUGFeRD 1.0, which does not require it.
    public var id: String?
    /// The item name (BT-153), if stated.
    public var name: String?
    /// The line net amount (BT-131), after line allowances and charges, without VAT.
    public var netAmount: Decimal
    /// The VAT category of the item (BT-151), if stated (ZUGFeRD 1.0 BASIC may leave it out).
    public var taxCategory: TaxCategory?
    /// The VAT rate of the item in percent (BT-152), if stated.
    public var taxRate: Decimal?

    /// Creates a line.
    public init(id: String?, name: String?, netAmount: Decimal, taxCategory: TaxCategory?, taxRate: Decimal?) {
        self.id = id
        self.name = name
        self.netAmount = netAmount
        self.taxCategory = taxCategory
        self.taxRate = taxRate
    }
}
