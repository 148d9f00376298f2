/// The status of a sales or bookkeeping voucher (read-only except bookkeeping `unchecked` → `open`).
public struct VoucherStatus: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Created, still editable (sales vouchers).
    public static let draft: VoucherStatus = "draft"
    /// Finalized, unpaid or partly paid.
    public static let open: VoucherStatus = "open"
    /// Open with the due date passed (voucherlist only; cannot be combined with other statuses in a filter).
    public static let overdue: VoucherStatus = "overdue"
    /// Fully paid.
    public static let paid: VoucherStatus = "paid"
    /// Credit note fully settled.
    public static let paidOff: VoucherStatus = "paidoff"
    /// Cancelled.
    public static let voided: VoucherStatus = "voided"
    /// Payment transferred through lexoffice's online banking.
    public static let transferred: VoucherStatus = "transferred"
    /// Collected by direct debit.
    public static let sepaDebit: VoucherStatus = "sepadebit"
    /// Quotation accepted.
    public static let accepted: VoucherStatus = "accepted"
    /// Quotation rejected.
    public static let rejected: VoucherStatus = "rejected"
    /// Bookkeeping voucher with incomplete data (e.g. from an upload).
    public static let unchecked: VoucherStatus = "unchecked"
    /// Bookkeeping voucher right after a file upload, while OCR runs.
    public static let blank: VoucherStatus = "blank"

    public static let documentedValues: [VoucherStatus] = [
        .draft, .open, .overdue, .paid, .paidOff, .voided, .transferred, .sepaDebit, .accepted, .rejected,
        .unchecked, .blank,
    ]
}
