import struct Foundation.Decimal

/// An invoice (Rechnung) from `/v1/invoices`, also the request body to create one.
///
/// Create it as a draft or, with `finalize=true`, as `open`; there is no update, delete or finalize-later.
/// Closing invoices are readable here but cannot be created. Read-only properties are ignored when sent.
public struct Invoice: Codable, Hashable, Sendable {
    /// The invoice's id; read-only: ignored by lexoffice when sent.
    public var id: LexofficeID?
    /// The owning organization; read-only: ignored by lexoffice when sent.
    public var organizationId: LexofficeID?
    /// When the invoice was created; read-only: ignored by lexoffice when sent.
    public var createdDate: LexofficeDateTime?
    /// When the invoice was last changed; read-only: ignored by lexoffice when sent.
    public var updatedDate: LexofficeDateTime?
    /// The revision, incremented on every change; read-only: ignored by lexoffice when sent.
    public var version: Int?
    /// The document language, ISO 639-1 `de` (default) or `en` (English needs `INVOICING_PRO`).
    public var language: String?
    /// Whether the invoice is archived; read-only: ignored by lexoffice when sent.
    public var archived: Bool?
    /// `draft`, `open`, `paid` or `voided`; read-only: ignored by lexoffice when sent.
    public var voucherStatus: VoucherStatus?
    /// The number from the organization's number range, e.g. `RE0042`; read-only: ignored by lexoffice when sent.
    public var voucherNumber: String?
    /// The document date.
    public var voucherDate: LexofficeDateTime
    /// When payment is due: `voucherDate` plus `paymentTermDuration` days, `nil` for drafts; read-only: ignored by
    /// lexoffice when sent.
    public var dueDate: LexofficeDateTime?
    /// The recipient.
    public var address: SalesVoucherAddress
    /// The buyer reference for an XRechnung; omit it to use the contact's (see ``XRechnungReference``).
    public var xRechnung: XRechnungReference?
    /// The e-invoice format, `NONE` for drafts; read-only: ignored by lexoffice when sent.
    public var electronicDocumentProfile: ElectronicDocumentProfile?
    /// The positions, at most 300.
    public var lineItems: [LineItem]
    /// The totals; send only `currency` and optionally a total discount.
    public var totalPrice: TotalPrice
    /// The tax per tax rate; read-only: ignored by lexoffice when sent.
    public var taxAmounts: [TaxAmount]?
    /// How the invoice is taxed.
    public var taxConditions: TaxConditions
    /// The payment terms; the contact's or organization's default when omitted.
    public var paymentConditions: PaymentConditions?
    /// The delivery or service date, which decides the valid tax rates.
    public var shippingConditions: ShippingConditions
    /// Whether this is a closing invoice (Schlussrechnung), which the API cannot create; read-only: ignored by
    /// lexoffice when sent.
    public var closingInvoice: Bool?
    /// Closing invoices: the gross total minus the gross received by the deducted down payments; read-only: ignored by
    /// lexoffice when sent.
    public var claimedGrossAmount: Decimal?
    /// Closing invoices: the down payments deducted; read-only: ignored by lexoffice when sent.
    public var downPaymentDeductions: [DownPaymentDeduction]?
    /// The recurring template this invoice was generated from; read-only: ignored by lexoffice when sent.
    public var recurringTemplateId: LexofficeID?
    /// Documents linked by pursue actions (e.g. the quotation it came from, its credit note), empty when none;
    /// read-only: ignored by lexoffice when sent.
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

    /// Creates an invoice; for a request, leave the read-only properties `nil`.
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
        dueDate: LexofficeDateTime? = nil,
        xRechnung: XRechnungReference? = nil,
        electronicDocumentProfile: ElectronicDocumentProfile? = nil,
        taxAmounts: [TaxAmount]? = nil,
        paymentConditions: PaymentConditions? = nil,
        closingInvoice: Bool? = nil,
        claimedGrossAmount: Decimal? = nil,
        downPaymentDeductions: [DownPaymentDeduction]? = nil,
        recurringTemplateId: LexofficeID? = nil,
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
        self.dueDate = dueDate
        self.address = address
        self.xRechnung = xRechnung
        self.electronicDocumentProfile = electronicDocumentProfile
        self.lineItems = lineItems
        self.totalPrice = totalPrice
        self.taxAmounts = taxAmounts
        self.taxConditions = taxConditions
        self.paymentConditions = paymentConditions
        self.shippingConditions = shippingConditions
        self.closingInvoice = closingInvoice
        self.claimedGrossAmount = claimedGrossAmount
        self.downPaymentDeductions = downPaymentDeductions
        self.recurringTemplateId = recurringTemplateId
        self.relatedVouchers = relatedVouchers
        self.printLayoutId = printLayoutId
        self.title = title
        self.introduction = introduction
        self.remark = remark
        self.files = files
    }
}
