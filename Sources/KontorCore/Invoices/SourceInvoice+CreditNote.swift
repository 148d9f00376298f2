import Foundation
import LexofficeKit

extension SourceInvoice {
    /// The body of `POST /v1/credit-notes` for this cancellation ("Storno") of another invoice.
    ///
    /// A source system usually writes a cancellation as an invoice with negative amounts; a lexoffice credit note
    /// states what is credited as positive amounts. So when no line item charges anything (every line total is
    /// zero or negative), the quantities keep their sign and the unit prices are negated; otherwise the lines are
    /// taken as they are. Everything else (contact, dates, tax type, discount, texts) follows
    /// ``lexofficeInvoice(contactID:)``; a credit note has no payment or shipping conditions.
    /// - Throws: ``SourceInvoiceMappingError`` when the invoice was not validated.
    package func lexofficeCreditNote(contactID: LexofficeID?) throws(SourceInvoiceMappingError) -> CreditNote {
        let invoice = try lexofficeInvoice(contactID: contactID)
        let credits = lineItems.allSatisfy { item in
            let price = item.unitPrice.net ?? item.unitPrice.gross ?? 0
            return item.quantity * price <= 0
        }
        let lines = invoice.lineItems.map { line -> LineItem in
            guard credits, var price = line.unitPrice else { return line }
            price.netAmount = price.netAmount.map { -$0 }
            price.grossAmount = price.grossAmount.map { -$0 }
            var credited = line
            credited.unitPrice = price
            return credited
        }
        return CreditNote(
            voucherDate: invoice.voucherDate,
            address: invoice.address,
            lineItems: lines,
            totalPrice: invoice.totalPrice,
            taxConditions: invoice.taxConditions,
            title: title,
            introduction: introduction,
            remark: remark
        )
    }
}
