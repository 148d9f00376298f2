import struct Foundation.Decimal

/// A bookkeeping voucher (Buchhaltungsbeleg) for a document created outside lexoffice's invoicing (`/v1/vouchers`).
///
/// A create needs ``type``, ``taxType`` and a contact (``useCollectiveContact`` or ``contactId``); only
/// ``VoucherStatus/unchecked`` vouchers may leave out number, date, totals and items. Dates are sent as plain days
/// and come back as date-times; ``BookkeepingDate`` keeps either form.
public struct Voucher: Codable, Hashable, Sendable {
    /// The voucher's id; read-only, assigned by lexoffice.
    public var id: LexofficeID?
    /// The owning organization; read-only.
    public var organizationId: LexofficeID?
    /// One of ``VoucherType/bookkeepingTypes``.
    public var type: VoucherType
    /// The status; only `open` (the default) and `unchecked` can be sent, and only `unchecked` → `open` changed.
    public var voucherStatus: VoucherStatus?
    /// The external document number, e.g. a shop order number; required unless `unchecked`.
    public var voucherNumber: String?
    /// The document date; required unless `unchecked`.
    public var voucherDate: BookkeepingDate?
    /// The delivery or service date (the end of a period); only for `salesinvoice` and `salescreditnote`.
    public var shippingDate: BookkeepingDate?
    /// The payment due date; defaults to ``voucherDate`` unless `unchecked`.
    public var dueDate: BookkeepingDate?
    /// The sum of all items including tax, 2 decimals; required unless `unchecked`.
    public var totalGrossAmount: Decimal?
    /// The sum of the items' tax amounts, 2 decimals; required unless `unchecked`.
    public var totalTaxAmount: Decimal?
    /// Whether item amounts are `net` or `gross`; `net` is not allowed for `unchecked` vouchers.
    public var taxType: TaxType
    /// Whether the collective customer or vendor is used; if `true`, ``contactId`` is ignored.
    public var useCollectiveContact: Bool?
    /// The name shown for the collective contact (does not rename it).
    public var contactName: String?
    /// An existing contact, used unless ``useCollectiveContact`` is `true`.
    public var contactId: LexofficeID?
    /// A free-text remark, included in the app's full-text search.
    public var remark: String?
    /// The amounts per tax rate and posting category; required unless `unchecked`.
    public var voucherItems: [VoucherItem]?
    /// The attached receipt files; an id left out on update deletes that file permanently.
    public var files: [LexofficeID]?
    /// When the voucher was created; read-only.
    public var createdDate: LexofficeDateTime?
    /// When the voucher was last changed; read-only.
    public var updatedDate: LexofficeDateTime?
    /// The optimistic-locking revision; optional on create, the value last read on update.
    public var version: Int?

    /// Creates a voucher; the read-only values are for simulators and tests.
    public init(
        type: VoucherType,
        taxType: TaxType,
        voucherStatus: VoucherStatus? = nil,
        voucherNumber: String? = nil,
        voucherDate: BookkeepingDate? = nil,
        shippingDate: BookkeepingDate? = nil,
        dueDate: BookkeepingDate? = nil,
        totalGrossAmount: Decimal? = nil,
        totalTaxAmount: Decimal? = nil,
        useCollectiveContact: Bool? = nil,
        contactName: String? = nil,
        contactId: LexofficeID? = nil,
        remark: String? = nil,
        voucherItems: [VoucherItem]? = nil,
        files: [LexofficeID]? = nil,
        version: Int? = nil,
        id: LexofficeID? = nil,
        organizationId: LexofficeID? = nil,
        createdDate: LexofficeDateTime? = nil,
        updatedDate: LexofficeDateTime? = nil
    ) {
        self.id = id
        self.organizationId = organizationId
        self.type = type
        self.voucherStatus = voucherStatus
        self.voucherNumber = voucherNumber
        self.voucherDate = voucherDate
        self.shippingDate = shippingDate
        self.dueDate = dueDate
        self.totalGrossAmount = totalGrossAmount
        self.totalTaxAmount = totalTaxAmount
        self.taxType = taxType
        self.useCollectiveContact = useCollectiveContact
        self.contactName = contactName
        self.contactId = contactId
        self.remark = remark
        self.voucherItems = voucherItems
        self.files = files
        self.createdDate = createdDate
        self.updatedDate = updatedDate
        self.version = version
    }
}
