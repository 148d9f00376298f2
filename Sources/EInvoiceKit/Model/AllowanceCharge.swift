import Foundation

/// A document-level allowance (BG-20) or charge (BG-21).
public struct AllowanceCharge: Hashable, Sendable {
    /// `true` for a charge (adds to the taxable amount), `false` for an allowance (subtracts).
    public var isCharge: Bool
    /// The amount without VAT (BT-92, BT-99).
    public var amount: Decimal
    /// The base amount a percentage applies to (BT-93, BT-100), if stated.
    public var baseAmount: Decimal?
    /// The percentage (BT-94, BT-101), if stated.
    public var percentage: Decimal?
    /// The VAT category (BT-95, BT-102).
    public var taxCategory: TaxCategory?
    /// The VAT rate in percent (BT-96, BT-103).
    public var taxRate: Decimal?
    /// The reason (BT-97, BT-104).
    public var reason: String?
    /// The reason code (BT-98, BT-105).
    public var reasonCode: String?

    /// Creates an allowance or charge.
    public init(
        isCharge: Bool,
        amount: Decimal,
        baseAmount: Decimal? = nil,
        percentage: Decimal? = nil,
        taxCategory: TaxCategory? = nil,
        taxRate: Decimal? = nil,
        reason: String? = nil,
        reasonCode: String? = nil
    ) {
        self.isCharge = isCharge
        self.amount = amount
        self.baseAmount = baseAmount
        self.percentage = percentage
        self.taxCategory = taxCategory
        self.taxRate = taxRate
        self.reason = reason
        self.reasonCode = reasonCode
    }
}
