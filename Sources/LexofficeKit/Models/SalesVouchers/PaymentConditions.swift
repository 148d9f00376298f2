/// The payment terms of a sales voucher; the contact's or organization's default when omitted.
///
/// Templates for defaults come from `GET /v1/payment-conditions`. Invoices, down payment invoices, quotations,
/// order confirmations and recurring templates have them.
public struct PaymentConditions: Codable, Hashable, Sendable {
    /// The printed text about the payment terms (one integrator saw 406 when it was missing).
    public var paymentTermLabel: String?
    /// The label template with placeholders in braces, e.g. `{discountRange} Tage -{discount}, {paymentRange} Tage
    /// netto`; read-only: ignored by lexoffice when sent.
    public var paymentTermLabelTemplate: String?
    /// Days until payment is due.
    public var paymentTermDuration: Int?
    /// The early payment discount (Skonto).
    public var paymentDiscountConditions: PaymentDiscountConditions?

    /// Creates payment conditions.
    public init(
        paymentTermLabel: String? = nil,
        paymentTermLabelTemplate: String? = nil,
        paymentTermDuration: Int? = nil,
        paymentDiscountConditions: PaymentDiscountConditions? = nil
    ) {
        self.paymentTermLabel = paymentTermLabel
        self.paymentTermLabelTemplate = paymentTermLabelTemplate
        self.paymentTermDuration = paymentTermDuration
        self.paymentDiscountConditions = paymentDiscountConditions
    }
}
