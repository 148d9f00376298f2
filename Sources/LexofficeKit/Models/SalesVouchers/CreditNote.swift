/// A credit note (Gutschrift, Rechnungskorrektur) from `/v1/credit-notes`, also the request body to create one.
///
/// Create it stand-alone or linked to an invoice (`precedingSalesVoucherId`, at most one per invoice); a
/// finalized linked credit note is `paidoff` at once. Credit notes have no due date, payment or shipping
/// conditions and no line discounts. Read-only properties are ignored when sent.
public struct CreditNote: Codable, Hashable, Sendable {
    /// The credit note's id; read-only: ignored by lexoffice when sent.
    public var id: LexofficeID?
    /// The owning organization; read-only: ignored by lexoffice when sent.
    public var organizationId: LexofficeID?
    /// When the credit note was created; read-only: ignored by lexoffice when sent.
    public var createdDate: LexofficeDateTime?
    /// When the credit note was last changed; read-only: ignored by lexoffice when sent.
    public var updatedDate: LexofficeDateTime?
    /// The revision, incremented on every change; read-only: ignored by lexoffice when sent.
    public var version: Int?
    /// The document language, ISO 639-1 `de` (default) or `en` (English needs `INVOICING_PRO`).
    public var language: String?
    /// Whether the credit note is archived; read-only: ignored by lexoffice when sent.
    public var archived: Bool?
    /// `draft`, `open`, `paidoff` or `voided`; read-only: ignored by lexoffice when sent.
    public var voucherStatus: VoucherStatus?
    /// The number from the organization's number range, e.g. `GS0005`; read-only: ignored by lexoffice when sent.
    public var voucherNumber: String?
    /// The document date; it decides the valid tax rates.
    public var voucherDate: LexofficeDateTime
    /// The recipient.
    public var address: SalesVoucherAddress
    /// The e-invoice format (XRechnung is not supported for credit notes); read-only: ignored by lexoffice when sent.
    public var electronicDocumentProfile: ElectronicDocumentProfile?
    /// The positions, at most 300.
    public var lineItems: [LineItem]
    /// The totals; send only `currency` and optionally a total discount.
    public var totalPrice: TotalPrice
    /// The tax per tax rate; read-only: ignored by lexoffice when sent.
    public var taxAmounts: [TaxAmount]?
    /// How the credit note is taxed.
    public var taxConditions: TaxConditions
    /// Documents linked by pursue actions (e.g. the credited invoice), empty when none; read-only: ignored by lexoffice
    /// when sent.
    public var relatedVouchers: [RelatedVoucher]?
    /// The print layout (`GET /v1/print-layouts`); the organization's default when omitted.
    public var printLayoutId: LexofficeID?
    /// The document title, at most 25 characters; the organization's default when omitted.
    public var title: String?
    /// The text above the positions, at most 2000 characters (lexoffice does not print the credited invoice's number;
    /// put it here).
    public var introduction: String?
    /// The closing text below the positions, at most 2000 characters; the organization's default when omitted.
    public var remark: String?
    /// The rendered PDF, once rendered; deprecated since 13.08.2025 and read-only: ignored by lexoffice when sent.
    public var files: DocumentFileReference?

    /// Creates a credit note; for a request, leave the read-only properties `nil`.
    public init(
        voucherDate: LexofficeDateTime,
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
        voucherStatus: VoucherStatus? = nil,
        voucherNumber: String? = nil,
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
        self.voucherNumber = voucherNumber
        self.voucherDate = voucherDate
        self.address = address
        self.electronicDocumentProfile = electronicDocumentProfile
        self.lineItems = lineItems
        self.totalPrice = totalPrice
        self.taxAmounts = taxAmounts
        self.taxConditions = taxConditions
        self.relatedVouchers = relatedVouchers
        self.printLayoutId = printLayoutId
        self.title = title
        self.introduction = introduction
        self.remark = remark
        self.files = files
    }
}
