/// A down payment invoice (Abschlagsrechnung) from `/v1/down-payment-invoices`; created only in the web app.
///
/// It has exactly one line item, shares the invoice number range and is deducted by a closing invoice
/// (``Invoice/downPaymentDeductions``). XRechnung is not supported for down payments.
public struct DownPaymentInvoice: Codable, Hashable, Sendable {
    /// The down payment invoice's id.
    public var id: LexofficeID?
    /// The owning organization.
    public var organizationId: LexofficeID?
    /// When the down payment invoice was created.
    public var createdDate: LexofficeDateTime?
    /// When the down payment invoice was last changed.
    public var updatedDate: LexofficeDateTime?
    /// The revision, incremented on every change.
    public var version: Int?
    /// The document language, ISO 639-1 `de` (default) or `en` (English needs `INVOICING_PRO`).
    public var language: String?
    /// Whether the down payment invoice is archived.
    public var archived: Bool?
    /// `draft`, `open`, `paid` or `voided`.
    public var voucherStatus: VoucherStatus?
    /// The number from the invoice number range, e.g. `RE0038`.
    public var voucherNumber: String?
    /// The document date.
    public var voucherDate: LexofficeDateTime
    /// When payment is due: `voucherDate` plus `paymentTermDuration` days, `nil` for drafts.
    public var dueDate: LexofficeDateTime?
    /// The recipient.
    public var address: SalesVoucherAddress
    /// The e-invoice format (XRechnung is not supported for down payments).
    public var electronicDocumentProfile: ElectronicDocumentProfile?
    /// The single position, e.g. a flat-rate down payment.
    public var lineItems: [LineItem]
    /// The totals.
    public var totalPrice: TotalPrice
    /// The tax per tax rate.
    public var taxAmounts: [TaxAmount]?
    /// How the down payment invoice is taxed.
    public var taxConditions: TaxConditions
    /// The payment terms.
    public var paymentConditions: PaymentConditions?
    /// The delivery or service date, which decides the valid tax rates.
    public var shippingConditions: ShippingConditions
    /// The closing invoice that deducted this down payment, `nil` until then (since 16.02.2021).
    public var closingInvoiceId: LexofficeID?
    /// Documents linked by pursue actions, empty when none.
    public var relatedVouchers: [RelatedVoucher]?
    /// The print layout (`GET /v1/print-layouts`).
    public var printLayoutId: LexofficeID?
    /// The document title, at most 25 characters.
    public var title: String?
    /// The text above the positions, at most 2000 characters.
    public var introduction: String?
    /// The closing text below the positions, at most 2000 characters.
    public var remark: String?
    /// The rendered PDF, once rendered; deprecated since 13.08.2025.
    public var files: DocumentFileReference?

    /// Creates a down payment invoice (simulators and tests; the API cannot create one).
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
        electronicDocumentProfile: ElectronicDocumentProfile? = nil,
        taxAmounts: [TaxAmount]? = nil,
        paymentConditions: PaymentConditions? = nil,
        closingInvoiceId: LexofficeID? = nil,
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
        self.electronicDocumentProfile = electronicDocumentProfile
        self.lineItems = lineItems
        self.totalPrice = totalPrice
        self.taxAmounts = taxAmounts
        self.taxConditions = taxConditions
        self.paymentConditions = paymentConditions
        self.shippingConditions = shippingConditions
        self.closingInvoiceId = closingInvoiceId
        self.relatedVouchers = relatedVouchers
        self.printLayoutId = printLayoutId
        self.title = title
        self.introduction = introduction
        self.remark = remark
        self.files = files
    }
}
