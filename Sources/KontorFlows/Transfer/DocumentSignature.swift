import Foundation
import LexofficeKit

/// What identifies a sales document the hub created, compared when a write's outcome was unknown: the contact,
/// the day, the discount and every line (name, quantity, the price as sent, tax rate, discount). Two documents
/// with the same signature are taken to be the same transfer.
struct DocumentSignature: Equatable {
    private struct Line: Equatable {
        var name: String?
        var quantity: Decimal?
        var price: Decimal?
        var taxRate: Decimal?
        var discount: Decimal
    }

    private var contactID: LexofficeID?
    private var day: PlainDate
    private var totalDiscount: Decimal
    private var lines: [Line]

    /// The signature of a document; `usesGrossPrices` picks the price that was sent (gross for tax type gross).
    init(
        contactID: LexofficeID?,
        voucherDate: LexofficeDateTime,
        totalPrice: TotalPrice,
        lineItems: [LineItem],
        usesGrossPrices: Bool
    ) {
        self.contactID = contactID
        day = voucherDate.localDay
        totalDiscount = totalPrice.totalDiscountPercentage ?? 0
        lines = lineItems.map { item in
            Line(
                name: item.name,
                quantity: item.quantity,
                price: usesGrossPrices ? item.unitPrice?.grossAmount : item.unitPrice?.netAmount,
                taxRate: item.unitPrice?.taxRatePercentage,
                discount: item.discountPercentage ?? 0
            )
        }
    }

    /// The signature of an invoice.
    init(_ invoice: Invoice) {
        self.init(
            contactID: invoice.address.contactId,
            voucherDate: invoice.voucherDate,
            totalPrice: invoice.totalPrice,
            lineItems: invoice.lineItems,
            usesGrossPrices: invoice.taxConditions.taxType == .gross
        )
    }

    /// The signature of a credit note.
    init(_ creditNote: CreditNote) {
        self.init(
            contactID: creditNote.address.contactId,
            voucherDate: creditNote.voucherDate,
            totalPrice: creditNote.totalPrice,
            lineItems: creditNote.lineItems,
            usesGrossPrices: creditNote.taxConditions.taxType == .gross
        )
    }
}
