/// An order confirmation (Auftragsbestätigung) from `/v1/order-confirmations`, also the request body to create
/// one.
///
/// Create it directly or pursued from a quotation. A draft cannot be pursued or rendered. Read-only
/// properties are ignored when sent.
public struct OrderConfirmation: Codable, Hashable, Sendable {
    /// The order confirmation's id; read-only: ignored by lexoffice when sent.
    public var id: LexofficeID?
    /// The owning organization; read-only: ignored by lexoffice when sent.
    public var organizationId: LexofficeID?
    /// When the order confirmation was created; read-only: ignored by lexoffice when sent.
    public var createdDate: LexofficeDateTime?
    /// When the order confirmation was last changed; read-only: ignored by lexoffice when sent.
    public var updatedDate: LexofficeDateTime?
    /// The revision, incremented on every change; read-only: ignored by lexoffice when sent.
    public var version: Int?
    /// The document language, ISO 639-1 `de` (default) or `en` (English needs `INVOICING_PRO`).
    public var language: String?
    /// Whether the order confirmation is archived; read-only: ignored by lexoffice when sent.
    public var archived: Bool?
    /// `draft` or `open` (`open` since 12.12.2024); read-only: ignored by lexoffice when sent.
    public var voucherStatus: VoucherStatus?
    /// The number from the organization's number range, e.g. `AB1019`; read-only: ignored by lexoffice when sent.
    public var voucherNumber: String?
    /// The document date.
    public var voucherDate: LexofficeDateTime
    /// The recipient.
    public var address: SalesVoucherAddress
    /// Always `NONE` for order confirmations; read-only: ignored by lexoffice when sent.
    public var electronicDocumentProfile: ElectronicDocumentProfile?
    /// The positions, at most 300.
    public var lineItems: [LineItem]
    /// The totals; send only `currency` and optionally a total discount.
    public var totalPrice: TotalPrice
    /// The tax per tax rate; read-only: ignored by lexoffice when sent.
    public var taxAmounts: [TaxAmount]?
    /// How the order confirmation is taxed.
    public var taxConditions: TaxConditions
    /// The payment terms; the contact's or organization's default when omitted.
    public var paymentConditions: PaymentConditions?
    /// The delivery or service date, which decides the valid tax rates.
    public var shippingConditions: ShippingConditions
    /// The delivery terms, at most 255 characters; the contact's or organization's default when omitted.
    public var deliveryTerms: String?
    /// Documents linked by pursue actions (e.g. the quotation it came from), empty when none; read-only: ignored by
    /// lexoffice when sent.
    public var relatedVouchers: [RelatedVoucher]?
    /// The print layout (`GET /v1/print-layouts`); the organization's default when omitted.
    public var printLayoutId: LexofficeID?
    /// The document title, at most 25 characters; the organization's default when omitted.
    public var title: String?
    /// The text above the positions, at most 2000 characters; the organization's default when omitted.
    public var introduction: String?
    /// The closing text below the positions, at most 2000 characters; the organization's default when omitted.
    public var remark: String?
    /// The rendered PDF, once rendered; deprecated since 13.08.2025 and read-only: ignored by lexoffice when sent.
    public var files: DocumentFileReference?

    /// Creates an order confirmation; for a request, leave the read-only properties `nil`.
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
        voucherNumber: String? = nil,
        electronicDocumentProfile: ElectronicDocumentProfile? = nil,
        taxAmounts: [TaxAmount]? = nil,
        paymentConditions: PaymentConditions? = nil,
        deliveryTerms: String? = nil,
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
        self.voucherNumber = voucherNumber
        self.voucherDate = voucherDate
        self.address = address
        self.electronicDocumentProfile = electronicDocumentProfile
        self.lineItems = lineItems
        self.totalPrice = totalPrice
        self.taxAmounts = taxAmounts
        self.taxConditions = taxConditions
        self.paymentConditions = paymentConditions
        self.shippingConditions = shippingConditions
        self.deliveryTerms = deliveryTerms
        self.relatedVouchers = relatedVouchers
        self.printLayoutId = printLayoutId
        self.title = title
        self.introduction = introduction
        self.remark = remark
        self.files = files
    }
}
