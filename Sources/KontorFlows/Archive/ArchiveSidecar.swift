import Foundation
import KontorCore

/// The JSON metadata sidecar written next to each archived document (keys sorted, so the same facts give the same
/// bytes and the same fingerprint).
struct ArchiveSidecar: Sendable, Encodable {
    /// The document's contact.
    struct Contact: Sendable, Encodable {
        var id: String?
        var name: String?
        var customerNumber: Int?
    }

    var type: String
    var number: String?
    var date: String?
    var dueDate: String?
    var status: String?
    var contact: Contact
    var currency: String?
    var totalNetAmount: Decimal?
    var totalGrossAmount: Decimal?
    var totalTaxAmount: Decimal?
    var taxAmounts: [ArchivedFacts.Tax]
    var lexofficeId: String
    var lexofficeLink: String
    var relatedVouchers: [ArchivedFacts.Related]
    var eInvoice: Bool

    /// The sidecar of document `lexofficeID` of `type` with `facts` and the contact's `customerNumber`; the deep
    /// link goes to `appURL`.
    init(
        _ facts: ArchivedFacts,
        customerNumber: Int?,
        lexofficeID: String,
        type: ArchiveDocumentType,
        appURL: String
    ) {
        self.type = type.rawValue
        number = facts.voucherNumber
        date = facts.voucherDate
        dueDate = facts.dueDate
        status = facts.voucherStatus
        contact = Contact(id: facts.address?.contactId, name: facts.address?.name, customerNumber: customerNumber)
        currency = facts.totalPrice?.currency
        totalNetAmount = facts.totalPrice?.totalNetAmount
        totalGrossAmount = facts.totalPrice?.totalGrossAmount
        totalTaxAmount = facts.totalPrice?.totalTaxAmount
        taxAmounts = facts.taxAmounts ?? []
        lexofficeId = lexofficeID
        lexofficeLink = "\(appURL)/permalink/\(Self.linkSegment(type))/view/\(lexofficeID)"
        relatedVouchers = facts.relatedVouchers ?? []
        eInvoice = facts.isXRechnung
    }

    /// The sidecar's bytes.
    func json() throws -> Data {
        try KontorJSON.encoder(pretty: true).encode(self)
    }

    /// The web app's permalink segment of a type.
    private static func linkSegment(_ type: ArchiveDocumentType) -> String {
        switch type {
        case .invoice, .downPaymentInvoice: "invoices"
        case .creditNote: "credit-notes"
        case .quotation: "quotations"
        case .orderConfirmation: "order-confirmations"
        case .deliveryNote: "delivery-notes"
        case .dunning: "dunnings"
        case .voucher: "vouchers"
        }
    }
}
