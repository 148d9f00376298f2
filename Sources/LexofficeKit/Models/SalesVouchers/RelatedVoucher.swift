/// A document linked to a sales voucher by a pursue action (read-only, since 28.04.2021).
public struct RelatedVoucher: Codable, Hashable, Sendable {
    /// The linked document's id.
    public var id: LexofficeID
    /// The linked document's number (dunnings have none).
    public var voucherNumber: String?
    /// The linked document's type, in voucherlist spelling (`invoice`, `quotation`, …).
    public var voucherType: VoucherType

    /// Creates a relation (simulators and tests).
    public init(id: LexofficeID, voucherType: VoucherType, voucherNumber: String? = nil) {
        self.id = id
        self.voucherNumber = voucherNumber
        self.voucherType = voucherType
    }
}
