/// A payment condition configured in the organization (`GET /v1/payment-conditions`).
public struct PaymentCondition: Codable, Hashable, Sendable {
    /// The condition's id.
    public var id: LexofficeID
    /// The label template with placeholders such as `{paymentRange}`, `{discountRange}` and `{discount}`.
    public var paymentTermLabelTemplate: String?
    /// The number of days until payment is due.
    public var paymentTermDuration: Int?
    /// The cash discount, if the condition grants one.
    public var paymentDiscountConditions: PaymentConditionDiscount?
    /// Whether this is the organization's default condition (true for exactly one entry).
    public var organizationDefault: Bool?

    /// Creates a payment condition (simulators and tests).
    public init(
        id: LexofficeID,
        paymentTermLabelTemplate: String? = nil,
        paymentTermDuration: Int? = nil,
        paymentDiscountConditions: PaymentConditionDiscount? = nil,
        organizationDefault: Bool? = nil
    ) {
        self.id = id
        self.paymentTermLabelTemplate = paymentTermLabelTemplate
        self.paymentTermDuration = paymentTermDuration
        self.paymentDiscountConditions = paymentDiscountConditions
        self.organizationDefault = organizationDefault
    }
}
