import EInvoiceKit
import Foundation
import Testing

/// Every sample reads as the invoice its XML states.
struct EInvoiceSampleTests {
    @Test("every sample file has an expectation")
    func everySampleIsCovered() throws {
        #expect(try Samples.allPaths() == ExpectedInvoice.all.map(\.path).sorted())
    }

    @Test(
        "a sample reads with its number, type, dates, currency, totals and tax per rate",
        arguments: ExpectedInvoice.all
    )
    func readsSample(_ expected: ExpectedInvoice) throws {
        let invoice = try EInvoiceReader().read(try Samples.data(expected.path))
        #expect(invoice.number == expected.number)
        #expect(invoice.typeCode == InvoiceTypeCode(expected.type))
        #expect(invoice.issueDate.description == expected.issueDate)
        #expect(invoice.dueDate?.description == expected.dueDate)
        #expect(invoice.currency == expected.currency)
        #expect(invoice.source.syntax == expected.syntax)
        #expect(invoice.source.pdfAttachmentName == expected.attachment)
        let totals = invoice.totals
        #expect(totals.lineNetTotal == decimal(expected.lineNet))
        #expect(totals.allowanceTotal == decimal(expected.allowances))
        #expect(totals.chargeTotal == decimal(expected.charges))
        #expect(totals.taxExclusiveTotal == decimal(expected.taxExclusive))
        #expect(totals.taxTotal == decimal(expected.tax))
        #expect(totals.taxInclusiveTotal == decimal(expected.taxInclusive))
        #expect(totals.prepaidAmount == decimal(expected.prepaid))
        #expect(totals.amountDue == decimal(expected.due))
        let taxes = invoice.taxBreakdown.map { "\($0.category) \($0.rate ?? -1) \($0.taxableAmount) \($0.taxAmount)" }
        let expectedTaxes = expected.taxes.map {
            "\($0.category) \(decimal($0.rate)) \(decimal($0.taxable)) \(decimal($0.tax))"
        }
        #expect(taxes.sorted() == expectedTaxes.sorted())
        if let vatID = expected.sellerVATID { #expect(invoice.seller.vatID == vatID) }
        if let buyerName = expected.buyerName { #expect(invoice.buyer.name == buyerName) }
        #expect(invoice.seller.address?.countryCode?.count == 2)
    }

    @Test("the seller and buyer of the simple invoice have names, VAT id, tax number and address")
    func readsParties() throws {
        for path in ["cii/EN16931_Einfach.cii.xml", "ubl/EN16931_Einfach.ubl.xml", "zugferd-pdf/EN16931_Einfach.pdf"] {
            let invoice = try EInvoiceReader().read(try Samples.data(path))
            #expect(invoice.seller.name == "Lieferant GmbH")
            #expect(invoice.seller.vatID == "DE123456789")
            #expect(invoice.seller.taxNumber == "201/113/40209")
            #expect(invoice.seller.address?.lines == ["Lieferantenstraße 20"])
            #expect(invoice.seller.address?.postCode == "80333")
            #expect(invoice.seller.address?.city == "München")
            #expect(invoice.seller.address?.countryCode == "DE")
            #expect(invoice.buyer.name == "Kunden AG Mitte")
            #expect(invoice.buyer.address?.city == "Frankfurt")
            #expect(invoice.lines.map(\.netAmount) == [decimal("198"), decimal("275")])
        }
    }

    @Test("the partial invoice's document-level allowances and charge are read with their VAT")
    func readsAllowancesAndCharges() throws {
        let invoice = try EInvoiceReader().read(try Samples.data("zugferd-pdf/EN16931_1_Teilrechnung.pdf"))
        #expect(invoice.allowances.map(\.amount) == [decimal("1"), decimal("8.07")])
        #expect(invoice.allowances.map(\.taxRate) == [decimal("19"), decimal("7")])
        #expect(invoice.charges.map(\.amount) == [decimal("5.80")])
        #expect(invoice.charges.first?.reason == "Versandkosten")
        #expect(invoice.charges.first?.taxCategory == .standard)
    }

    @Test(
        "a UBL, CII and PDF of the same invoice read alike",
        arguments: [
            "EN16931_Einfach", "EN16931_Einfach_DueDate", "EN16931_Miete", "EN16931_Physiotherapeut",
            "XRECHNUNG_Einfach",
        ]
    )
    func syntaxesAgree(_ name: String) throws {
        let reader = EInvoiceReader()
        let cii = try reader.read(try Samples.data("cii/\(name).cii.xml"))
        for other in [
            try reader.read(try Samples.data("ubl/\(name).ubl.xml")),
            try reader.read(try Samples.data("zugferd-pdf/\(name).pdf")),
        ] {
            #expect(other.number == cii.number)
            #expect(other.typeCode == cii.typeCode)
            if other.source.pdfAttachmentName != "xrechnung.xml" {  // the PDF is an older edition, see ExpectedInvoice
                #expect(other.issueDate == cii.issueDate)
            }
            #expect(other.dueDate == cii.dueDate)
            #expect(other.currency == cii.currency)
            #expect(other.totals == cii.totals)
            #expect(Set(other.taxBreakdown.map(\.taxAmount)) == Set(cii.taxBreakdown.map(\.taxAmount)))
            #expect(Set(other.taxBreakdown.map(\.taxableAmount)) == Set(cii.taxBreakdown.map(\.taxableAmount)))
            #expect(other.seller.vatID == cii.seller.vatID)
            #expect(other.buyer.address?.countryCode == cii.buyer.address?.countryCode)
        }
    }

    @Test("the specification identifier (BT-24) tells XRechnung editions apart")
    func readsSpecificationIdentifier() throws {
        let xml = try EInvoiceReader().read(try Samples.data("cii/XRECHNUNG_Einfach.cii.xml"))
        let pdf = try EInvoiceReader().read(try Samples.data("zugferd-pdf/XRECHNUNG_Einfach.pdf"))
        #expect(xml.source.specificationID == "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0")
        #expect(
            pdf.source.specificationID == "urn:cen.eu:en16931:2017#compliant#urn:xoev-de:kosit:standard:xrechnung_2.1"
        )
        #expect(pdf.source.isHybridPDF && !xml.source.isHybridPDF)
    }

    @Test("the PDF's embedded XML is the attachment's exact bytes")
    func extractsAttachment() throws {
        let attachment = try EInvoiceReader().embeddedInvoiceXML(
            inPDF: try Samples.data("zugferd-pdf/EN16931_Einfach.pdf")
        )
        #expect(attachment.name == "factur-x.xml")
        #expect(String(decoding: attachment.xml, as: UTF8.self).contains("CrossIndustryInvoice"))
    }
}

/// A decimal from a literal the test states.
func decimal(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!  // test literals are valid numbers
}
