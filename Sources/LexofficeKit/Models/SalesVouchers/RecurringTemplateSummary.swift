/// A recurring template as listed by `GET /v1/recurring-templates` (a ``Page`` of these).
///
/// The list returns a reduced projection; fetch the ``RecurringTemplate`` for line items and texts.
public struct RecurringTemplateSummary: Codable, Hashable, Sendable {
    /// The template's id.
    public var id: LexofficeID?
    /// The owning organization.
    public var organizationId: LexofficeID?
    /// The title of each generated invoice.
    public var title: String?
    /// When the template was created.
    public var createdDate: LexofficeDateTime?
    /// When the template was last changed.
    public var updatedDate: LexofficeDateTime?
    /// The recipient; only `contactId` and `name`.
    public var address: SalesVoucherAddress?
    /// The totals; only `currency`, `totalNetAmount` and `totalGrossAmount`.
    public var totalPrice: TotalPrice?
    /// The payment terms of each generated invoice.
    public var paymentConditions: PaymentConditions?
    /// The complete schedule.
    public var recurringTemplateSettings: RecurringTemplateSettings?

    /// Creates a list item (simulators and tests).
    public init(
        id: LexofficeID? = nil,
        organizationId: LexofficeID? = nil,
        title: String? = nil,
        createdDate: LexofficeDateTime? = nil,
        updatedDate: LexofficeDateTime? = nil,
        address: SalesVoucherAddress? = nil,
        totalPrice: TotalPrice? = nil,
        paymentConditions: PaymentConditions? = nil,
        recurringTemplateSettings: RecurringTemplateSettings? = nil
    ) {
        self.id = id
        self.organizationId = organizationId
        self.title = title
        self.createdDate = createdDate
        self.updatedDate = updatedDate
        self.address = address
        self.totalPrice = totalPrice
        self.paymentConditions = paymentConditions
        self.recurringTemplateSettings = recurringTemplateSettings
    }
}
