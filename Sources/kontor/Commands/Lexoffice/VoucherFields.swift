import ArgumentParser
import LexofficeKit

/// The flags for a bookkeeping voucher's common fields; they override the same fields of `--data`.
struct VoucherFields: ParsableArguments {
    @Option(help: "salesinvoice, salescreditnote, purchaseinvoice or purchasecreditnote.")
    var type: String?

    @Option(help: "The voucher number (your own, e.g. the shop's order number).")
    var number: String?

    @Option(help: "The voucher date, yyyy-MM-dd.")
    var date: String?

    @Option(help: "The due date, yyyy-MM-dd.")
    var dueDate: String?

    @Option(help: "The contact's id.")
    var contactId: String?

    @Flag(help: "Book against the collective customer or vendor.")
    var collectiveContact = false

    @Option(help: "net or gross: whether the item amounts include tax.")
    var taxType: String?

    @Option(help: "A remark.")
    var remark: String?

    /// Writes the given fields into a voucher's JSON.
    func apply(to voucher: inout JSONValue) {
        let strings = [
            ("type", type), ("voucherNumber", number), ("voucherDate", date), ("dueDate", dueDate),
            ("contactId", contactId), ("taxType", taxType), ("remark", remark),
        ]
        for (path, value) in strings { if let value { voucher.set(.string(value), at: path) } }
        if collectiveContact { voucher.set(.bool(true), at: "useCollectiveContact") }
    }
}
