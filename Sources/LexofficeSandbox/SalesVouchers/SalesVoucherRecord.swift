import Foundation
import LexofficeKit

/// A stored sales voucher of any type, with the bookkeeping the API does not show on the document itself.
struct SalesVoucherRecord: Codable, Sendable {
    /// The document as `GET` returns it.
    var document: StoredSalesDocument
    /// What is still to be paid (invoices, down payment invoices, credit notes); `nil` for drafts and other types.
    var openAmount: Decimal?
    /// Payments registered through the admin hook.
    var paymentItems: [PaymentItem] = []
    /// When the last payment made the voucher `paid`/`paidoff`.
    var paidDate: LexofficeDateTime?

    /// What a closing invoice still claims after its down payments; `nil` for every other document.
    var claimedGrossAmount: Decimal? {
        guard case .invoice(let invoice) = document, invoice.closingInvoice == true else { return nil }
        return invoice.claimedGrossAmount
    }
}

/// One sales voucher document in its own model type.
enum StoredSalesDocument: Codable, Sendable {
    case invoice(Invoice)
    case creditNote(CreditNote)
    case quotation(Quotation)
    case orderConfirmation(OrderConfirmation)
    case deliveryNote(DeliveryNote)
    case dunning(Dunning)
    case downPaymentInvoice(DownPaymentInvoice)

    /// The common view of the document.
    var common: any SimulatedSalesDocument {
        switch self {
        case .invoice(let document): document
        case .creditNote(let document): document
        case .quotation(let document): document
        case .orderConfirmation(let document): document
        case .deliveryNote(let document): document
        case .dunning(let document): document
        case .downPaymentInvoice(let document): document
        }
    }

    /// Changes the common parts (status, version, relations) of whichever document this is.
    mutating func update(_ change: (inout any SimulatedSalesDocument) -> Void) {
        var document = common
        change(&document)
        self = document.stored
    }
}
