/// A recurring invoice template (Serienrechnung) from `/v1/recurring-templates/{id}`; read-only.
///
/// Lexware generates invoices from it nightly from 03:00; each carries the template's id as
/// ``Invoice/recurringTemplateId``. The list endpoint returns ``RecurringTemplateSummary`` values.
public struct RecurringTemplate: Codable, Hashable, Sendable {
    /// The recurring template's id.
    public var id: LexofficeID?
    /// The owning organization.
    public var organizationId: LexofficeID?
    /// When the recurring template was created.
    public var createdDate: LexofficeDateTime?
    /// When the recurring template was last changed.
    public var updatedDate: LexofficeDateTime?
    /// The revision, incremented on every change.
    public var version: Int?
    /// The document language, ISO 639-1 `de` or `en`.
    public var language: String?
    /// Whether the recurring template is archived.
    public var archived: Bool?
    /// The recipient, always a referenced contact.
    public var address: SalesVoucherAddress
    /// The positions of each generated invoice.
    public var lineItems: [LineItem]
    /// The totals of each generated invoice.
    public var totalPrice: TotalPrice
    /// The tax per tax rate.
    public var taxAmounts: [TaxAmount]?
    /// How the generated invoices are taxed.
    public var taxConditions: TaxConditions
    /// The payment terms of each generated invoice.
    public var paymentConditions: PaymentConditions?
    /// The title of each generated invoice, at most 25 characters.
    public var title: String?
    /// The text above the positions, at most 2000 characters.
    public var introduction: String?
    /// The closing text below the positions, at most 2000 characters.
    public var remark: String?
    /// The schedule.
    public var recurringTemplateSettings: RecurringTemplateSettings?

    /// Creates a recurring template (simulators and tests; the API cannot create one).
    public init(
        address: SalesVoucherAddress,
        lineItems: [LineItem],
        totalPrice: TotalPrice,
        taxConditions: TaxConditions,
        id: LexofficeID? = nil,
        organizationId: LexofficeID? = nil,
        createdDate: LexofficeDateTime? = nil,
        updatedDate: LexofficeDateTime? = nil,
        version: Int? = nil,
        language: String? = nil,
        archived: Bool? = nil,
        taxAmounts: [TaxAmount]? = nil,
        paymentConditions: PaymentConditions? = nil,
        title: String? = nil,
        introduction: String? = nil,
        remark: String? = nil,
        recurringTemplateSettings: RecurringTemplateSettings? = nil
    ) {
        self.id = id
        self.organizationId = organizationId
        self.createdDate = createdDate
        self.updatedDate = updatedDate
        self.version = version
        self.language = language
        self.archived = archived
        self.address = address
        self.lineItems = lineItems
        self.totalPrice = totalPrice
        self.taxAmounts = taxAmounts
        self.taxConditions = taxConditions
        self.paymentConditions = paymentConditions
        self.title = title
        self.introduction = introduction
        self.remark = remark
        self.recurringTemplateSettings = recurringTemplateSettings
    }
}
