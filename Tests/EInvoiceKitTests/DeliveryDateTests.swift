import EInvoiceKit
import Foundation
import Testing

/// The delivery date (BT-72) and the invoicing period (BG-14), which give the "Leistungsdatum".
struct DeliveryDateTests {
    @Test(
        "the delivery date and the invoicing period are read in CII, UBL, ZUGFeRD 1.0 and hybrid PDFs",
        arguments: [
            ("cii/EN16931_Miete.cii.xml", "2018-09-29", nil, nil),
            ("ubl/EN16931_Miete.ubl.xml", "2018-09-29", nil, nil),
            ("zugferd-pdf/EN16931_Miete.pdf", "2018-09-29", nil, nil),
            ("ubl/EN16931_Elektron.ubl.xml", "2018-03-06", nil, nil),
            ("cii/kosit-01.05a-INVOICE_uncefact.xml", nil, "2015-04-20", "2015-04-24"),
            ("ubl/kosit-01.05a-INVOICE_ubl.xml", nil, "2015-04-20", "2015-04-24"),
        ] as [(String, String?, String?, String?)]
    )
    func read(sample: String, delivery: String?, start: String?, end: String?) throws {
        let invoice = try EInvoiceReader().read(try Samples.data(sample))
        #expect(invoice.deliveryDate?.description == delivery)
        #expect(invoice.invoicingPeriod?.start?.description == start)
        #expect(invoice.invoicingPeriod?.end?.description == end)
        #expect(invoice.performanceDate?.description == delivery ?? end)
    }

    @Test("a delivery date that is not a date is an error naming BT-72")
    func invalid() throws {
        let text = try Samples.text("ubl/EN16931_Elektron.ubl.xml")
        let tampered = text.replacingOccurrences(
            of: "2018-03-06</cbc:ActualDeliveryDate>",
            with: "soon</cbc:ActualDeliveryDate>"
        )
        try #require(tampered != text)
        let error = try #require(throws: EInvoiceError.self) { try EInvoiceReader().read(Data(tampered.utf8)) }
        #expect(error.field == "BT-72")
    }
}
