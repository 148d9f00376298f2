import EInvoiceKit
import Foundation
import Testing

/// Cases found by reading the public ZUGFeRD and XRechnung test corpora: valid documents the reader once refused or
/// refused for the wrong reason.
struct CorpusFindingsTests {
    private static let rabatte = "zugferd-pdf/ZUGFeRD_1p0_COMFORT_Rabatte.pdf"
    private static let thirdParty = "ubl/kosit-05.01a-INVOICE_ubl.xml"

    @Test("a ZUGFeRD 1.0 free-text line item (a note, no product, no amount) is not an invoice line")
    func zugferd1FreeTextLine() throws {
        let invoice = try EInvoiceReader().read(try Samples.data(Self.rabatte))
        #expect(invoice.lines.map(\.id) == ["1", "2", "3", "4"])
    }

    @Test("a ZUGFeRD 1.0 line item with a product but no amount is still refused with BT-131")
    func zugferd1LineWithoutAmount() throws {
        let xml = try EInvoiceReader().embeddedInvoiceXML(inPDF: try Samples.data(Self.rabatte)).xml
        let text = String(decoding: xml, as: UTF8.self)
        let amount = "<ram:LineTotalAmount currencyID=\"EUR\">10.00</ram:LineTotalAmount>"
        try #require(text.contains(amount))
        let error = try #require(throws: EInvoiceError.self) {
            try EInvoiceReader().read(Data(text.replacingOccurrences(of: amount, with: "").utf8))
        }
        #expect(error.code == .missingField)
        #expect(error.field == "BT-131")
    }

    @Test("a logistics service charge (ZUGFeRD 1.0, ZUGFeRD 2.x EXTENDED) is a document-level charge with its VAT")
    func logisticsServiceCharge() throws {
        let invoice = try EInvoiceReader().read(try Samples.data(Self.rabatte))
        #expect(invoice.charges.map(\.amount) == [decimal("5.80")])
        #expect(invoice.charges.first?.reason == "Versandkosten")
        #expect(invoice.charges.first?.taxCategory == .standard)
        #expect(invoice.charges.first?.taxRate == decimal("7"))
        #expect(invoice.allowances.map(\.amount) == [decimal("1.00"), decimal("13.73")])
    }

    @Test("the third party payments of an XRechnung extension invoice are part of the amount due (BR-DEX-09)")
    func thirdPartyPayments() throws {
        let invoice = try EInvoiceReader().read(try Samples.data(Self.thirdParty))
        #expect(invoice.totals.thirdPartyPaymentTotal == decimal("29.96"))
        #expect(invoice.totals.amountDue == decimal("366.86"))
    }

    @Test("outside the XRechnung extension, an amount due that includes prepaid payments fails BR-CO-16")
    func thirdPartyPaymentsNeedTheExtension() throws {
        let text = try Samples.text(Self.thirdParty)
        let extensionID = "#conformant#urn:xeinkauf.de:kosit:extension:xrechnung_3.0"
        try #require(text.contains(extensionID))
        let error = try #require(throws: EInvoiceError.self) {
            try EInvoiceReader().read(Data(text.replacingOccurrences(of: extensionID, with: "").utf8))
        }
        #expect(error.code == .totalsMismatch)
        #expect(error.rule == "BR-CO-16")
    }

    @Test("a ZUGFeRD 1.0 delivery date given as a month (format 610) names no day and is left out")
    func zugferd1MonthDate() throws {
        let xml = try EInvoiceReader().embeddedInvoiceXML(
            inPDF: try Samples.data("zugferd-pdf/ZUGFeRD_1p0_COMFORT_Einfach.pdf")
        ).xml
        let text = String(decoding: xml, as: UTF8.self)
        let day = "<udt:DateTimeString format=\"102\">20130305</udt:DateTimeString> </ram:OccurrenceDateTime>"
        try #require(text.contains(day))
        let month = "<udt:DateTimeString format=\"610\">201303</udt:DateTimeString> </ram:OccurrenceDateTime>"
        let invoice = try EInvoiceReader().read(Data(text.replacingOccurrences(of: day, with: month).utf8))
        #expect(invoice.deliveryDate == nil)
        #expect(invoice.number == "471102")
    }

    @Test("a document without a VAT breakdown (Factur-X MINIMUM) is refused for the missing BG-23")
    func missingBreakdown() throws {
        let text = try Samples.text("cii/EN16931_Einfach.cii.xml")
        let headerTax = try Regex(#"<ram:ApplicableTradeTax>\s*<ram:CalculatedAmount>.*?</ram:ApplicableTradeTax>"#)
            .dotMatchesNewlines()
        let stripped = text.replacing(headerTax, with: "")
        try #require(stripped != text)
        let error = try #require(throws: EInvoiceError.self) { try EInvoiceReader().read(Data(stripped.utf8)) }
        #expect(error.code == .missingField)
        #expect(error.field == "BG-23")
    }
}
