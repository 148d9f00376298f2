/// A delivery note (Lieferschein) from `/v1/delivery-notes`, also the request body to create one.
///
/// Delivery notes carry no prices: `unitPrice` is optional and there are no totals, tax amounts, line amounts
/// or payment conditions, but `taxConditions` is still required. A referenced contact's shipping address is
/// preferred. Read-only properties are ignored when sent.
public struct DeliveryNote: Codable, Hashable, Sendable {
    /// The delivery note's id; read-only: ignored by lexoffice when sent.
    public var id: LexofficeID?
    /// The owning organization; read-only: ignored by lexoffice when sent.
    public var organizationId: LexofficeID?
    /// When the delivery note was created; read-only: ignored by lexoffice when sent.
    public var createdDate: LexofficeDateTime?
    /// When the delivery note was last changed; read-only: ignored by lexoffice when sent.
    public var updatedDate: LexofficeDateTime?
    /// The revision, incremented on every change; read-only: ignored by lexoffice when sent.
    public var version: Int?
    /// The document language, ISO 639-1 `de` (default) or `en` (English needs `INVOICING_PRO`).
    public var language: String?
    /// Whether the delivery note is archived; read-only: ignored by lexoffice when sent.
    public var archived: Bool?
    /// `draft` or `open` (`open` since 12.12.2024); read-only: ignored by lexoffice when sent.
    public var voucherStatus: VoucherStatus?
    /// The number from the organization's number range, e.g. `LS0007`; read-only: ignored by lexoffice when sent.
    public var voucherNumber: String?
    /// The document date.
    public var voucherDate: LexofficeDateTime
    /// The recipient.
    public var address: SalesVoucherAddress
    /// Always `NONE` for delivery notes; read-only: ignored by lexoffice when sent.
    public var electronicDocumentProfile: ElectronicDocumentProfile?
    /// The positions, at most 300.
    public var lineItems: [LineItem]
    /// How the delivery note is taxed.
    public var taxConditions: TaxConditions
    /// The delivery date (the reference contradicts itself on whether it is required).
    public var shippingConditions: ShippingConditions?
    /// The delivery terms, at most 255 characters; the contact's or organization's default when omitted.
    public var deliveryTerms: String?
    /// Documents linked by pursue actions (e.g. the order confirmation it came from), empty when none; read-only:
    /// ignored by lexoffice when sent.
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

    /// Creates a delivery note; for a request, leave the read-only properties `nil`.
    public init(
        voucherDate: LexofficeDateTime,
        address: SalesVoucherAddress,
        lineItems: [LineItem],
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
        shippingConditions: ShippingConditions? = nil,
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
        self.taxConditions = taxConditions
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
