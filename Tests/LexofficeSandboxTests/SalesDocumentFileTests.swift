import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `GET /v1/{type}/{id}/file`: real PDFs and XRechnung XML, chosen by `Accept`.
@Suite(.timeLimit(.minutes(1)))
struct SalesDocumentFileTests {
    private typealias Sales = SalesVoucherConformanceTests

    @Test(
        "a finalized invoice downloads as a PDF showing number, date, address, items, tax and totals",
        .enabled(if: DocumentTools.isAvailable, "install poppler-utils (pdftotext, pdfinfo)")
    )
    func invoicePDF() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let contactID = try await Sales.customer(client)
            let lines = [
                Sales.line("Fahrradinspektion groß", 1, net: Decimal(string: "74.79")!, rate: 19),
                Sales.line("Schlauch 28 Zoll", 2, net: Decimal(string: "6.5")!, rate: 19),
            ]
            let id = try await client.invoices.create(try Sales.invoice(lines, contactID: contactID), finalize: true).id
            let file = try await client.invoices.file(id)
            #expect(file.contentType == "application/pdf")
            #expect(file.fileName == "RE0001.pdf")
            #expect(file.data.starts(with: Data("%PDF-".utf8)))
            let text = try DocumentTools.text(of: file.data)
            for snippet in [
                "RE0001", "10.03.2025", "Radhaus Nord GmbH", "Lindenallee 7", "22041 Hamburg", "Fahrradinspektion groß",
                "Schlauch 28 Zoll", "87,79 €", "16,68 €", "104,47 €",
            ] {
                #expect(text.contains(snippet), "the PDF lacks \(snippet)")
            }
            let pdf = try await client.invoices.file(id, format: .pdf)
            #expect(pdf.data == file.data)
        }
    }

    @Test("an XRechnung invoice gives XML for */* and application/xml, a PDF preview for application/pdf")
    func xRechnung() async throws {
        try await SandboxHarness.withSandbox { _, client in
            var contact = Contact(
                version: 0,
                roles: ContactRoles(customer: CustomerRole()),
                company: Company(name: "Stadtverwaltung Musterstadt"),
                addresses: ContactAddresses(billing: [
                    ContactAddress(countryCode: "DE", street: "Rathausplatz 1", zip: "12345", city: "Musterstadt")
                ]),
                xRechnung: ContactXRechnung(buyerReference: "04011000-1234512345-06", vendorNumberAtCustomer: "K-4711")
            )
            contact.emailAddresses = EmailAddresses(business: ["rechnung@musterstadt.example"])
            let contactID = try await client.contacts.create(contact).id
            let id = try await client.invoices.create(
                try Sales.invoice([Sales.line("Wartung Dienstfahrräder", 4, net: 85, rate: 19)], contactID: contactID),
                finalize: true
            ).id
            #expect(try await client.invoices.get(id).electronicDocumentProfile == .xRechnung)
            let xml = try await client.invoices.file(id)
            #expect(xml.contentType == "application/xml")
            #expect(xml.fileName == "RE0001.xml")
            let text = String(decoding: xml.data, as: UTF8.self)
            #expect(text.contains("<cbc:BuyerReference>04011000-1234512345-06</cbc:BuyerReference>"))
            #expect(text.contains("<cbc:PayableAmount currencyID=\"EUR\">404.60</cbc:PayableAmount>"))
            #expect(XMLParser(data: xml.data).parse())
            #expect(try await client.invoices.file(id, format: .xml).data == xml.data)
            #expect(try await client.invoices.file(id, format: .pdf).data.starts(with: Data("%PDF-".utf8)))
        }
    }

    @Test("the Accept matrix: XML of a regular invoice is 404, XML of a quotation 406, an image type 406")
    func acceptMatrix() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let line = Sales.line("Wartung", 1, net: 10, rate: 19)
            let invoiceID = try await client.invoices.create(try Sales.invoice([line]), finalize: true).id
            let noXML = await #expect(throws: LexofficeError.self) {
                try await client.invoices.file(invoiceID, format: .xml)
            }
            #expect(noXML?.status == 404)
            let image = await #expect(throws: LexofficeError.self) {
                try await client.invoices.file(invoiceID, format: .png)
            }
            #expect(image?.status == 406)
            let quotation = Quotation(
                voucherDate: try Sales.day("2025-04-01"),
                expirationDate: try Sales.day("2025-05-01"),
                address: SalesVoucherAddress(name: "Kunde", countryCode: "DE"),
                lineItems: [line],
                totalPrice: TotalPrice(currency: .euro),
                taxConditions: TaxConditions(taxType: .net)
            )
            let quotationID = try await client.quotations.create(quotation, finalize: true).id
            let quotationXML = await #expect(throws: LexofficeError.self) {
                try await client.quotations.file(quotationID, format: .xml)
            }
            #expect(quotationXML?.status == 406)
            #expect(try await client.quotations.file(quotationID).fileName == "AG0001.pdf")
        }
    }
}

extension SalesDocumentFileTests {
    @Test("the deprecated /document + /v1/files/{documentFileId} path downloads the rendered PDF")
    func legacyDocumentPath() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let line = Sales.line("Wartung", 1, net: 10, rate: 19)
            let invoiceID = try await client.invoices.create(try Sales.invoice([line]), finalize: true).id
            let reference = try await client.invoices.document(invoiceID)
            #expect(try await client.invoices.document(invoiceID) == reference, "rendering twice keeps the file id")
            #expect(try await client.invoices.get(invoiceID).files == reference)
            let file = try await client.files.download(reference.documentFileId)
            #expect(file.contentType == "application/pdf")
            #expect(file.fileName == "RE0001.pdf")
            #expect(file.data.starts(with: Data("%PDF-".utf8)))
            let xml = await #expect(throws: LexofficeError.self) {
                try await client.files.download(reference.documentFileId, format: .xml)
            }
            #expect(xml?.status == 404)
        }
    }
}

extension SalesDocumentFileTests {
    @Test("XRechnung rules: tax type net, a buyer reference only for XRechnung contacts, \"\" opts out")
    func xRechnungRules() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let authority = Contact(
                version: 0,
                roles: ContactRoles(customer: CustomerRole()),
                company: Company(name: "Stadtverwaltung Musterstadt"),
                addresses: ContactAddresses(billing: [
                    ContactAddress(countryCode: "DE", zip: "12345", city: "Musterstadt")
                ]),
                xRechnung: ContactXRechnung(buyerReference: "04011000-1234512345-06", vendorNumberAtCustomer: "K-4711")
            )
            let authorityID = try await client.contacts.create(authority).id
            let plainID = try await Sales.customer(client)
            let line = Sales.line("Wartung", 1, net: 100, rate: 19)

            let gross = await #expect(throws: LexofficeError.self) {
                try await client.invoices.create(try Sales.invoice([line], contactID: authorityID, taxType: .gross))
            }
            guard case .regular(let body)? = gross?.body else {
                Issue.record("expected a regular error body")
                return
            }
            #expect(body.details?.contains { $0.field == "taxConditions.taxType" } == true)

            var notAuthority = try Sales.invoice([line], contactID: plainID)
            notAuthority.xRechnung = XRechnungReference(buyerReference: "04011000-1234512345-06")
            let refused = await #expect(throws: LexofficeError.self) { try await client.invoices.create(notAuthority) }
            #expect(refused?.field == "xRechnung.buyerReference")

            var optedOut = try Sales.invoice([line], contactID: authorityID)
            optedOut.xRechnung = XRechnungReference(buyerReference: "")
            let regularID = try await client.invoices.create(optedOut, finalize: true).id
            #expect(try await client.invoices.get(regularID).electronicDocumentProfile == .regular)
        }
    }
}
