import Foundation
import LexofficeKit

/// What the archive reads of a lexoffice document for its sidecar, the same members for every sales document type
/// (decoded from the document's JSON) and mapped from a bookkeeping voucher's.
struct ArchivedFacts: Sendable, Hashable, Codable {
    /// A contact as a sales document names it.
    struct Address: Sendable, Hashable, Codable {
        var contactId: String?
        var name: String?
    }

    /// Totals as a sales document states them.
    struct Totals: Sendable, Hashable, Codable {
        var currency: String?
        var totalNetAmount: Decimal?
        var totalGrossAmount: Decimal?
        var totalTaxAmount: Decimal?
    }

    /// The tax of one rate.
    struct Tax: Sendable, Hashable, Codable {
        var taxRatePercentage: Decimal
        var taxAmount: Decimal
        var netAmount: Decimal?
    }

    /// A linked document.
    struct Related: Sendable, Hashable, Codable {
        var id: String
        var voucherNumber: String?
        var voucherType: String?
    }

    var voucherStatus: String?
    var voucherNumber: String?
    var voucherDate: String?
    /// When the document was created in lexoffice.
    var createdDate: String?
    var dueDate: String?
    var address: Address?
    var totalPrice: Totals?
    var taxAmounts: [Tax]?
    var relatedVouchers: [Related]?
    var electronicDocumentProfile: String?
    /// A bookkeeping voucher's first receipt file.
    var receiptFileID: String?

    /// The facts of a sales document, from its JSON.
    init(salesDocumentJSON: Data) throws {
        self = try LexofficeJSON.decode(Self.self, from: salesDocumentJSON)
    }

    /// The facts of a bookkeeping voucher.
    init(voucher: Voucher) {
        voucherStatus = voucher.voucherStatus?.rawValue
        voucherNumber = voucher.voucherNumber
        voucherDate = voucher.voucherDate?.description
        createdDate = voucher.createdDate?.description
        dueDate = voucher.dueDate?.description
        address = Address(contactId: voucher.contactId?.rawValue, name: voucher.contactName)
        totalPrice = Totals(
            currency: "EUR",
            totalNetAmount: voucher.totalGrossAmount.flatMap { gross in voucher.totalTaxAmount.map { gross - $0 } },
            totalGrossAmount: voucher.totalGrossAmount,
            totalTaxAmount: voucher.totalTaxAmount
        )
        taxAmounts = nil
        relatedVouchers = nil
        electronicDocumentProfile = nil
        receiptFileID = voucher.files?.first?.rawValue
    }

    /// The document day (`yyyy-MM-dd`) in lexoffice's time zone, if the date is readable.
    var day: PlainDate? {
        guard let voucherDate else { return nil }
        if let moment = try? LexofficeDateTime(voucherDate) { return moment.localDay }
        return try? PlainDate(String(voucherDate.prefix(10)))
    }

    /// Whether the document came about before `moment`: both its document date (day by day) and its creation in
    /// lexoffice are earlier. A back-dated document written after `moment` did not (an unreadable date counts as
    /// not earlier).
    func predates(_ moment: Date) -> Bool {
        let since = LexofficeDateTime(moment)
        guard let day, day < since.localDay else { return false }
        guard let createdDate, let created = try? LexofficeDateTime(createdDate) else { return true }
        return created.date < moment
    }

    /// Whether the document is still a draft (lexoffice's `draft`, or a bookkeeping voucher not yet booked).
    var isDraft: Bool {
        voucherStatus == VoucherStatus.draft.rawValue || voucherStatus == VoucherStatus.blank.rawValue
            || voucherStatus == nil
    }

    /// Whether lexoffice holds an XRechnung XML of it.
    var isXRechnung: Bool {
        electronicDocumentProfile == ElectronicDocumentProfile.xRechnung.rawValue
    }
}
