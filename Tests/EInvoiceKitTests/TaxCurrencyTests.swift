import EInvoiceKit
import Foundation
import Testing

/// BT-110 is the VAT total in the invoice currency; the VAT accounting currency's total (BT-111) is not it.
struct TaxCurrencyTests {
    @Test("CII: a second TaxTotalAmount in the VAT accounting currency is ignored, whatever its position")
    func cii() throws {
        let original = #"<ram:TaxTotalAmount currencyID="EUR">56.87</ram:TaxTotalAmount>"#
        let text = try Samples.text("cii/EN16931_Einfach.cii.xml")
        try #require(text.contains(original))
        let tampered = text.replacingOccurrences(
            of: original,
            with: #"<ram:TaxTotalAmount currencyID="CHF">60.00</ram:TaxTotalAmount>"# + original
        )
        let invoice = try EInvoiceReader().read(Data(tampered.utf8))
        #expect(invoice.totals.taxTotal == decimal("56.87"))
    }

    @Test("UBL: a TaxTotal in the VAT accounting currency is ignored")
    func ubl() throws {
        let anchor = "<cac:LegalMonetaryTotal>"
        let text = try Samples.text("ubl/EN16931_Einfach.ubl.xml")
        try #require(text.contains(anchor))
        let tampered = text.replacingOccurrences(
            of: anchor,
            with: #"<cac:TaxTotal><cbc:TaxAmount currencyID="CHF">60.00</cbc:TaxAmount></cac:TaxTotal>"# + anchor
        )
        let invoice = try EInvoiceReader().read(Data(tampered.utf8))
        #expect(invoice.totals.taxTotal == decimal("56.87"))
    }
}
