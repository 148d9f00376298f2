/// How a payment item was made.
public struct PaymentItemType: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A bank account transaction.
    public static let partPaymentFinancialTransaction: PaymentItemType = "partPaymentFinancialTransaction"
    /// Settled by a credit note.
    public static let partPaymentCreditNote: PaymentItemType = "partPaymentCreditNote"
    /// Paid from or into the cash box.
    public static let partPaymentCashBox: PaymentItemType = "partPaymentCashBox"
    /// A manual payment, e.g. a private deposit.
    public static let manualPayment: PaymentItemType = "manualPayment"
    /// A cash discount (Skonto).
    public static let cashDiscount: PaymentItemType = "cashDiscount"
    /// Dunning costs.
    public static let dunningCosts: PaymentItemType = "dunningCosts"
    /// A currency conversion difference.
    public static let currencyConversion: PaymentItemType = "currencyConversion"
    /// A bad debt written off (since 05.09.2024).
    public static let irrecoverableReceivable: PaymentItemType = "irrecoverableReceivable"

    public static let documentedValues: [PaymentItemType] = [
        .partPaymentFinancialTransaction, .partPaymentCreditNote, .partPaymentCashBox, .manualPayment, .cashDiscount,
        .dunningCosts, .currencyConversion, .irrecoverableReceivable,
    ]
}
