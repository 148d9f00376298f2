/// A dunning (Mahnung) from `/v1/dunnings`, also the request body to create one.
///
/// A dunning is always a draft attached to an invoice or down payment invoice (`precedingSalesVoucherId` is
/// mandatory). It has no number, due date or payment conditions; its contact and tax conditions must match
/// the invoice's. Read-only properties are ignored when sent.
public struct Dunning: Codable, Hashable, Sendable {
    /// The dunning's id; read-only: ignored by lexoffice when sent.
    public var id: LexofficeID?
    /// The owning organization; read-only: ignored by lexoffice when sent.
    public var organizationId: LexofficeID?
    /// When the dunning was created; read-only: ignored by lexoffice when sent.
    public var createdDate: LexofficeDateTime?
    /// When the dunning was last changed; read-only: ignored by lexoffice when sent.
    public var updatedDate: LexofficeDateTime?
    /// The revision, incremented on every change; read-only: ignored by lexoffice when sent.
    public var version: Int?
    /// The document language, ISO 639-1 `de` (default) or `en` (English needs `INVOICING_PRO`).
    public var language: String?
    /// Whether the dunning is archived; read-only: ignored by lexoffice when sent.
    public var archived: Bool?
    /// Always `draft`; read-only: ignored by lexoffice when sent.
    public var voucherStatus: VoucherStatus?
    /// The document date.
    public var voucherDate: LexofficeDateTime
    /// The recipient; `contactId` must equal the invoice's, and `name` is always taken from the invoice.
    public var address: SalesVoucherAddress
    /// Always `NONE` for dunnings; read-only: ignored by lexoffice when sent.
    public var electronicDocumentProfile: ElectronicDocumentProfile?
    /// The positions, at most 300.
    public var lineItems: [LineItem]
    /// The totals; send only `currency` and optionally a total discount.
    public var totalPrice: TotalPrice
    /// The tax per tax rate; read-only: ignored by lexoffice when sent.
    public var taxAmounts: [TaxAmount]?
    /// How the dunning is taxed; must equal the invoice's tax conditions.
    public var taxConditions: TaxConditions
    /// The delivery or service date, which decides the valid tax rates.
    public var shippingConditions: ShippingConditions
    /// The dunned invoice; read-only: ignored by lexoffice when sent.
    public var relatedVouchers: [RelatedVoucher]?
    /// The print layout (`GET /v1/print-layouts`); the organization's default when omitted.
    public var printLayoutId: LexofficeID?
    /// The document title, at most 25 characters; the organization's default when omitted.
    public var title: String?
    /// The text above the positions, at most 2000 characters; the organization's default when omitted.
    public var introduction: String?
    /// The closing text below the positions, at most 2000 characters; the organization's default when omitted.
    public var remark: String?
    /// The rendered PDF, once rendered (dunnings can be rendered as drafts); deprecated since 13.08.2025 and read-only:
    /// ignored by lexoffice when sent.
    public var files: DocumentFileReference?

    /// Creates a dunning; for a request, leave the read-only properties `nil`.
    public init(
        voucherDate: LexofficeDateTime,
        address: SalesVoucherAddress,
        lineItems: [LineItem],
        totalPrice: TotalPrice,
        taxConditions: TaxConditions,
        shippingConditions: ShippingConditions,
        id: LexofficeID? = nil,
        organizationId: LexofficeID? = nil,
        createdDate: LexofficeDateTime? = nil,
        updatedDate: LexofficeDateTime? = nil,
        version: Int? = nil,
        language: String? = nil,
        archived: Bool? = nil,
        voucherStatus: VoucherStatus? = nil,
        electronicDocumentProfile: ElectronicDocumentProfile? = nil,
        taxAmounts: [TaxAmount]? = nil,
        relatedVouchers: [RelatedVoucher]? = nil,
        printLayoutId: LexofficeID? = nil,
        title: String? = nil,
        introduction: String? = nil,
        remark: String? = nil,
        files: DocumentFileReference? = nil
    ) {
        self.id = id
        self.organizationId = organizationId
        self.createdDate = createdDate
        self.updatedDate = updatedDate
        self.version = version
        self.language = language
        self.archived = archived
        self.voucherStatus = voucherStatus
        self.voucherDate = voucherDate
        self.address = address
        self.electronicDocumentProfile = electronicDocumentProfile
        self.lineItems = lineItems
        self.totalPrice = totalPrice
        self.taxAmounts = taxAmounts
        self.taxConditions = taxConditions
        self.shippingConditions = shippingConditions
        self.relatedVouchers = relatedVouchers
        self.printLayoutId = printLayoutId
        self.title = title
        self.introduction = introduction
        self.remark = remark
        self.files = files
    }
}
