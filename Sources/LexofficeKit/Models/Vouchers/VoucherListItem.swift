import struct Foundation.Decimal

/// The metadata of one voucher of any kind in the voucherlist (`GET /v1/voucherlist`).
///
/// Fetch the details from the endpoint of the item's ``voucherType``.
public struct VoucherListItem: Codable, Hashable, Sendable {
    /// The voucher's id.
    public var id: LexofficeID
    /// The voucher's kind; new kinds may appear.
    public var voucherType: VoucherType
    /// The voucher's status; `overdue` is computed when listing.
    public var voucherStatus: VoucherStatus
    /// The voucher number (absent for drafts).
    public var voucherNumber: String?
    /// The document date.
    public var voucherDate: LexofficeDateTime?
    /// When the voucher was created in lexoffice.
    public var createdDate: LexofficeDateTime?
    /// When the voucher was last changed, status changes included.
    public var updatedDate: LexofficeDateTime?
    /// The payment due date.
    public var dueDate: LexofficeDateTime?
    /// The contact; `nil` for the collective contact.
    public var contactId: LexofficeID?
    /// The recipient's or issuer's name, e.g. `Sammellieferant` for the collective vendor.
    public var contactName: String?
    /// The total amount (may include tax), 2 decimals.
    public var totalAmount: Decimal?
    /// The open amount; `nil` for drafts and kinds without payments.
    public var openAmount: Decimal?
    /// The currency.
    public var currency: Currency?
    /// Whether the voucher is archived.
    public var archived: Bool?

    /// Creates a list item (simulators and tests).
    public init(
        id: LexofficeID,
        voucherType: VoucherType,
        voucherStatus: VoucherStatus,
        voucherNumber: String? = nil,
        voucherDate: LexofficeDateTime? = nil,
        createdDate: LexofficeDateTime? = nil,
        updatedDate: LexofficeDateTime? = nil,
        dueDate: LexofficeDateTime? = nil,
        contactId: LexofficeID? = nil,
        contactName: String? = nil,
        totalAmount: Decimal? = nil,
        openAmount: Decimal? = nil,
        currency: Currency? = nil,
        archived: Bool? = nil
    ) {
        self.id = id
        self.voucherType = voucherType
        self.voucherStatus = voucherStatus
        self.voucherNumber = voucherNumber
        self.voucherDate = voucherDate
        self.createdDate = createdDate
        self.updatedDate = updatedDate
        self.dueDate = dueDate
        self.contactId = contactId
        self.contactName = contactName
        self.totalAmount = totalAmount
        self.openAmount = openAmount
        self.currency = currency
        self.archived = archived
    }
}
