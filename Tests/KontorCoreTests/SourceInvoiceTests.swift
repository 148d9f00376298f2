import Foundation
import KontorCore
import Testing

@Suite("Source invoice: decoding and valid bodies")
struct SourceInvoiceTests {
    @Test("a complete company invoice with two tax rates and discounts decodes exactly and has no issues")
    func companyInvoice() throws {
        let invoice = try SourceInvoiceSamples.decode(SourceInvoiceSamples.companyInvoice)

        #expect(invoice.validationIssues(sourceID: "inv-42") == [])
        #expect(invoice.invoiceDate == SourceDate(year: 2026, month: 3, day: 10))
        #expect(invoice.knownTaxType == .net)
        #expect(invoice.knownStatus == .finalized)
        #expect(invoice.customer.company?.name == "Radhaus Nord GmbH")
        #expect(invoice.customer.address?.countryCode == "DE")
        #expect(invoice.lineItems.map(\.taxRatePercent) == [19, 7])
        #expect(invoice.lineItems[0].quantity == Decimal(string: "2.5"))
        #expect(invoice.lineItems[1].unitPrice == SourceUnitPrice(net: Decimal(string: "39.9")))
        #expect(invoice.lineItems[0].discountPercent == 10)
        #expect(invoice.totalDiscountPercent == Decimal(string: "2.5"))
    }

    @Test("a gross invoice to a person with null optional members has no issues")
    func personInvoice() throws {
        let invoice = try SourceInvoiceSamples.decode(SourceInvoiceSamples.personInvoice)

        #expect(invoice.validationIssues(sourceID: "2026-118") == [])
        #expect(invoice.customer.person == SourcePerson(salutation: "Frau", firstName: "Jana", lastName: "Keller"))
        #expect(invoice.customer.company == nil)
        #expect(invoice.customer.email == nil)
        #expect(invoice.paymentTermDays == nil)
        #expect(invoice.paymentDueDate == SourceDate(year: 2026, month: 4, day: 15))
        #expect(invoice.knownTaxType == .gross)
        #expect(invoice.lineItems[1].unitPrice.gross == Decimal(string: "64.2"))
    }

    @Test("a customer given only by its lexoffice contact id needs no company or person")
    func linkedContact() throws {
        var invoice = try SourceInvoiceSamples.decode(SourceInvoiceSamples.companyInvoice)
        invoice.customer = SourceCustomer(
            sourceId: "K-1007",
            lexofficeContactId: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"
        )

        #expect(invoice.validationIssues(sourceID: "inv-42") == [])
    }

    @Test("a cancellation is a finalized invoice naming another invoice")
    func cancellation() throws {
        var invoice = try SourceInvoiceSamples.decode(SourceInvoiceSamples.companyInvoice)
        invoice.cancels = "inv-41"

        #expect(invoice.validationIssues(sourceID: "inv-42") == [])
    }

    @Test("rates 5 and 16 are valid for an invoice date in the second half of 2020, 19 is not")
    func reducedRates2020() throws {
        var invoice = try SourceInvoiceSamples.decode(SourceInvoiceSamples.companyInvoice)
        invoice.date = "2020-08-03"
        invoice.lineItems[0].taxRatePercent = 16
        invoice.lineItems[1].taxRatePercent = 5
        #expect(invoice.validationIssues(sourceID: "inv-42") == [])

        invoice.lineItems[0].taxRatePercent = 19
        #expect(invoice.validationIssues(sourceID: "inv-42").map(\.pointer) == ["#/lineItems/0/taxRatePercent"])
    }

    @Test("a base64 PDF passes and decodes to the original bytes")
    func pdf() throws {
        let document = Data("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8)
        var invoice = try SourceInvoiceSamples.decode(SourceInvoiceSamples.companyInvoice)
        invoice.pdf = document.base64EncodedString()

        #expect(invoice.validationIssues(sourceID: "inv-42") == [])
        #expect(invoice.decodedPDF() == document)
    }

    @Test("encoding gives back the same members and values, and decodes to an equal invoice")
    func roundTrip() throws {
        for body in [SourceInvoiceSamples.companyInvoice, SourceInvoiceSamples.personInvoice] {
            let invoice = try SourceInvoiceSamples.decode(body)
            let encoded = try JSONEncoder().encode(invoice)

            #expect(try JSONDecoder().decode(SourceInvoice.self, from: encoded) == invoice)
            // Members sent as null are absent after encoding, as they mean the same.
            let original = try Self.canonicalJSON(Data(body.utf8), droppingNulls: true)
            #expect(try Self.canonicalJSON(encoded, droppingNulls: false) == original)
        }
    }

    @Test("unknown tax type and status values decode and are reported, not thrown")
    func unknownEnumValues() throws {
        let body = SourceInvoiceSamples.companyInvoice
            .replacing(#""taxType": "net""#, with: #""taxType": "reverseCharge""#)
            .replacing(#""status": "finalized""#, with: #""status": "paid""#)
        let invoice = try SourceInvoiceSamples.decode(body)

        #expect(invoice.knownTaxType == nil)
        #expect(invoice.knownStatus == nil)
        let issues = invoice.validationIssues(sourceID: "inv-42")
        #expect(issues.map(\.pointer) == ["#/taxType", "#/status"])
        #expect(issues.first?.detail.contains("intraCommunitySupply") == true)
        #expect(issues.first?.detail.contains("photovoltaicEquipment") == true)
    }

    @Test("an invalid invoice date decodes and is reported at #/date")
    func invalidDateInBody() throws {
        let body = SourceInvoiceSamples.companyInvoice.replacing(#""2026-03-10""#, with: #""2026-02-30""#)
        let invoice = try SourceInvoiceSamples.decode(body)

        #expect(invoice.invoiceDate == nil)
        #expect(
            invoice.validationIssues(sourceID: "inv-42")
                == [SourceInvoiceIssue(pointer: "#/date", detail: "must be a calendar date in the form YYYY-MM-DD")]
        )
    }

    /// The body re-serialized with sorted keys, so that member order and number spelling do not matter.
    private static func canonicalJSON(_ data: Data, droppingNulls: Bool) throws -> Data {
        let object = try JSONSerialization.jsonObject(with: data)
        let cleaned = droppingNulls ? removingNulls(object) : object
        return try JSONSerialization.data(withJSONObject: cleaned, options: [.sortedKeys])
    }

    private static func removingNulls(_ object: Any) -> Any {
        if let dictionary = object as? [String: Any] {
            return dictionary.filter { !($0.value is NSNull) }.mapValues(removingNulls)
        }
        if let array = object as? [Any] {
            return array.map(removingNulls)
        }
        return object
    }
}
