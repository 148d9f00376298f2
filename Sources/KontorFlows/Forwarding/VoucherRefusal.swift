/// Why a read e-invoice is not built into a voucher; the document is uploaded as a file with this reason.
struct VoucherRefusal: Error, Equatable {
    var reason: String

    init(_ reason: String) { self.reason = reason }
}
