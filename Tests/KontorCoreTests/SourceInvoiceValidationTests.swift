import Foundation
import KontorCore
import Testing

/// A change that breaks exactly one rule of the valid company invoice, and where the issue must point.
struct InvalidInvoiceCase: Sendable, CustomTestStringConvertible {
    let name: String
    let pointer: String
    let change: @Sendable (inout SourceInvoice) -> Void

    var testDescription: String { name }
}

@Suite("Source invoice: validation issues")
struct SourceInvoiceValidationTests {
    static let sourceID = "inv-42"

    static let cases: [InvalidInvoiceCase] = [
        InvalidInvoiceCase(name: "empty number", pointer: "#/number") { $0.number = "" },
        InvalidInvoiceCase(name: "number of 65 characters", pointer: "#/number") {
            $0.number = String(repeating: "9", count: 65)
        },
        InvalidInvoiceCase(name: "February 30th", pointer: "#/date") { $0.date = "2026-02-30" },
        InvalidInvoiceCase(name: "date with a time", pointer: "#/date") { $0.date = "2026-03-10T00:00:00Z" },
        InvalidInvoiceCase(name: "due date before the invoice date", pointer: "#/dueDate") {
            $0.paymentTermDays = nil
            $0.dueDate = "2026-03-09"
        },
        InvalidInvoiceCase(name: "due date and payment term days", pointer: "#/paymentTermDays") {
            $0.dueDate = "2026-03-24"
        },
        InvalidInvoiceCase(name: "payment term of 366 days", pointer: "#/paymentTermDays") {
            $0.paymentTermDays = 366
        },
        InvalidInvoiceCase(name: "unknown tax type", pointer: "#/taxType") { $0.taxType = "Net" },
        InvalidInvoiceCase(name: "unknown status", pointer: "#/status") { $0.status = "open" },
        InvalidInvoiceCase(name: "cancels its own source id", pointer: "#/cancels") { $0.cancels = sourceID },
        InvalidInvoiceCase(name: "cancelled status with cancels", pointer: "#/cancels") {
            $0.status = "cancelled"
            $0.cancels = "inv-41"
        },
        InvalidInvoiceCase(name: "title of 26 characters", pointer: "#/title") {
            $0.title = String(repeating: "T", count: 26)
        },
        InvalidInvoiceCase(name: "remark of 2001 characters", pointer: "#/remark") {
            $0.remark = String(repeating: "r", count: 2001)
        },
        InvalidInvoiceCase(name: "currency USD", pointer: "#/currency") { $0.currency = "USD" },
        InvalidInvoiceCase(name: "empty company name", pointer: "#/customer/company/name") {
            $0.customer.company?.name = " "
        },
        InvalidInvoiceCase(name: "company and person", pointer: "#/customer") {
            $0.customer.person = SourcePerson(lastName: "Keller")
        },
        InvalidInvoiceCase(name: "neither company nor person nor contact id", pointer: "#/customer") {
            $0.customer.company = nil
        },
        InvalidInvoiceCase(name: "lexoffice contact id that is no UUID", pointer: "#/customer/lexofficeContactId") {
            $0.customer.lexofficeContactId = "0f1e2d3c-4b5a-4968-8776"
        },
        InvalidInvoiceCase(name: "lower-case VAT id", pointer: "#/customer/company/vatRegistrationId") {
            $0.customer.company?.vatRegistrationId = "de123456789"
        },
        InvalidInvoiceCase(name: "lower-case country code", pointer: "#/customer/address/countryCode") {
            $0.customer.address?.countryCode = "de"
        },
        InvalidInvoiceCase(name: "three-letter country code", pointer: "#/customer/address/countryCode") {
            $0.customer.address?.countryCode = "DEU"
        },
        InvalidInvoiceCase(name: "e-mail without domain", pointer: "#/customer/email") {
            $0.customer.email = "rechnung@"
        },
        InvalidInvoiceCase(name: "buyer reference without vendor number", pointer: "#/customer/vendorNumberAtCustomer")
        {
            $0.customer.vendorNumberAtCustomer = nil
        },
        InvalidInvoiceCase(name: "no line items", pointer: "#/lineItems") { $0.lineItems = [] },
        InvalidInvoiceCase(name: "301 line items", pointer: "#/lineItems") {
            $0.lineItems = Array(repeating: $0.lineItems[0], count: 301)
        },
        InvalidInvoiceCase(name: "negative quantity", pointer: "#/lineItems/1/quantity") {
            $0.lineItems[1].quantity = -1
        },
        InvalidInvoiceCase(name: "zero quantity", pointer: "#/lineItems/0/quantity") { $0.lineItems[0].quantity = 0 },
        InvalidInvoiceCase(name: "quantity with 5 decimal places", pointer: "#/lineItems/0/quantity") {
            $0.lineItems[0].quantity = Decimal(sign: .plus, exponent: -5, significand: 100_001)
        },
        InvalidInvoiceCase(name: "unknown tax rate 17", pointer: "#/lineItems/1/taxRatePercent") {
            $0.lineItems[1].taxRatePercent = 17
        },
        InvalidInvoiceCase(name: "rate 19 with taxType vatfree", pointer: "#/lineItems/0/taxRatePercent") {
            $0.taxType = SourceTaxType.vatFree.rawValue
            $0.lineItems[1].taxRatePercent = 0
        },
        InvalidInvoiceCase(name: "net and gross unit price", pointer: "#/lineItems/0/unitPrice") {
            $0.lineItems[0].unitPrice.gross = Decimal(string: "101.15")
        },
        InvalidInvoiceCase(name: "no unit price", pointer: "#/lineItems/0/unitPrice") {
            $0.lineItems[0].unitPrice = SourceUnitPrice()
        },
        InvalidInvoiceCase(name: "gross price with taxType net", pointer: "#/lineItems/1/unitPrice/gross") {
            $0.lineItems[1].unitPrice = SourceUnitPrice(gross: Decimal(string: "42.69"))
        },
        InvalidInvoiceCase(name: "net price with taxType gross", pointer: "#/lineItems/1/unitPrice/net") {
            $0.taxType = SourceTaxType.gross.rawValue
            $0.lineItems[0].unitPrice = SourceUnitPrice(gross: Decimal(string: "101.15"))
        },
        InvalidInvoiceCase(name: "unit price with 5 decimal places", pointer: "#/lineItems/0/unitPrice/net") {
            $0.lineItems[0].unitPrice.net = Decimal(string: "85.12345")
        },
        InvalidInvoiceCase(name: "line discount over 100 %", pointer: "#/lineItems/0/discountPercent") {
            $0.lineItems[0].discountPercent = 101
        },
        InvalidInvoiceCase(name: "empty unit name", pointer: "#/lineItems/1/unitName") {
            $0.lineItems[1].unitName = ""
        },
        InvalidInvoiceCase(name: "total discount with 3 decimal places", pointer: "#/totalDiscountPercent") {
            $0.totalDiscountPercent = Decimal(string: "2.125")
        },
        InvalidInvoiceCase(name: "PDF that is not base64", pointer: "#/pdf") { $0.pdf = "JVBERi0x LjcK" },
        InvalidInvoiceCase(name: "base64 that is not a PDF", pointer: "#/pdf") {
            $0.pdf = Data("<html>Rechnung</html>".utf8).base64EncodedString()
        },
        InvalidInvoiceCase(name: "PDF over 5 MiB", pointer: "#/pdf") {
            $0.pdf = "JVBERi0x" + String(repeating: "AAAA", count: 5 * 1024 * 1024 / 3)
        },
    ]

    @Test("each broken rule yields exactly one issue at its member", arguments: cases)
    func invalidMember(_ invalid: InvalidInvoiceCase) throws {
        var invoice = try SourceInvoiceSamples.decode(SourceInvoiceSamples.companyInvoice)
        invalid.change(&invoice)

        let issues = invoice.validationIssues(sourceID: Self.sourceID)

        #expect(issues.map(\.pointer) == [invalid.pointer])
        #expect(issues.allSatisfy { !$0.detail.isEmpty })
    }

    @Test("a discount line with a negative unit price is valid, as in lexoffice")
    func negativeUnitPrice() throws {
        var invoice = try SourceInvoiceSamples.decode(SourceInvoiceSamples.companyInvoice)
        invoice.lineItems[0].unitPrice.net = Decimal(string: "-12.5")

        #expect(invoice.validationIssues(sourceID: Self.sourceID).isEmpty)
    }

    @Test("a missing last name of a person is reported at its member")
    func missingLastName() throws {
        var invoice = try SourceInvoiceSamples.decode(SourceInvoiceSamples.personInvoice)
        invoice.customer.person?.lastName = ""

        #expect(
            invoice.validationIssues(sourceID: "2026-118")
                == [SourceInvoiceIssue(pointer: "#/customer/person/lastName", detail: "must not be empty")]
        )
    }

    @Test("messages name the limit and whose it is")
    func messages() throws {
        var invoice = try SourceInvoiceSamples.decode(SourceInvoiceSamples.companyInvoice)
        invoice.title = "Rechnung über Wartungsarbeiten"
        invoice.lineItems[1].taxRatePercent = 17

        #expect(
            invoice.validationIssues(sourceID: Self.sourceID) == [
                SourceInvoiceIssue(pointer: "#/title", detail: "must be at most 25 characters (lexoffice's limit)"),
                SourceInvoiceIssue(
                    pointer: "#/lineItems/1/taxRatePercent",
                    detail: "must be 0, 7 or 19 (lexoffice's rates)"
                ),
            ]
        )
    }

    @Test("all issues are reported, in document order")
    func allIssuesInOrder() throws {
        var invoice = try SourceInvoiceSamples.decode(SourceInvoiceSamples.companyInvoice)
        invoice.pdf = "%PDF-"
        invoice.lineItems[1].quantity = 0
        invoice.lineItems[0].name = ""
        invoice.customer.address?.countryCode = "Germany"
        invoice.currency = "CHF"
        invoice.date = "10.03.2026"
        invoice.number = ""

        #expect(
            invoice.validationIssues(sourceID: Self.sourceID).map(\.pointer) == [
                "#/number", "#/date", "#/currency", "#/customer/address/countryCode", "#/lineItems/0/name",
                "#/lineItems/1/quantity", "#/pdf",
            ]
        )
    }
}
