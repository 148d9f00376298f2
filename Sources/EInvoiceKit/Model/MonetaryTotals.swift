import Foundation

/// The document totals (BG-22). Optional terms the document leaves out are zero.
public struct MonetaryTotals: Hashable, Sendable {
    /// Sum of invoice line net amounts (BT-106).
    public var lineNetTotal: Decimal
    /// Sum of document-level allowances (BT-107).
    public var allowanceTotal: Decimal
    /// Sum of document-level charges (BT-108).
    public var chargeTotal: Decimal
    /// Invoice total without VAT (BT-109).
    public var taxExclusiveTotal: Decimal
    /// Invoice total VAT amount in the invoice currency (BT-110).
    public var taxTotal: Decimal
    /// Invoice total with VAT (BT-112).
    public var taxInclusiveTotal: Decimal
    /// Paid amount (BT-113).
    public var prepaidAmount: Decimal
    /// Rounding amount (BT-114).
    public var roundingAmount: Decimal
    /// Sum of the third party payment amounts (BT-DEX-002) of an XRechnung extension invoice: claims of others
    /// that the seller collects with this invoice, part of the amount due (BR-DEX-09) but not of its VAT base.
    public var thirdPartyPaymentTotal: Decimal
    /// Amount due for payment (BT-115).
    public var amountDue: Decimal

    /// Creates the totals; terms a document leaves out are zero.
    public init(
        lineNetTotal: Decimal,
        allowanceTotal: Decimal = 0,
        chargeTotal: Decimal = 0,
        taxExclusiveTotal: Decimal,
        taxTotal: Decimal = 0,
        taxInclusiveTotal: Decimal,
        prepaidAmount: Decimal = 0,
        roundingAmount: Decimal = 0,
        thirdPartyPaymentTotal: Decimal = 0,
        amountDue: Decimal
    ) {
        self.lineNetTotal = lineNetTotal
        self.allowanceTotal = allowanceTotal
        self.chargeTotal = chargeTotal
        self.taxExclusiveTotal = taxExclusiveTotal
        self.taxTotal = taxTotal
        self.taxInclusiveTotal = taxInclusiveTotal
        self.prepaidAmount = prepaidAmount
        self.roundingAmount = roundingAmount
        self.thirdPartyPaymentTotal = thirdPartyPaymentTotal
        self.amountDue = amountDue
    }
}
