import Foundation
import KontorCore
import Testing

@Suite("Source invoice: bodies that do not decode")
struct SourceInvoiceDecodingErrorTests {
    /// The issue the hub reports for a body that fails to decode.
    private static func decodingIssue(_ body: String) throws -> SourceInvoiceIssue {
        let error = #expect(throws: DecodingError.self) { try SourceInvoiceSamples.decode(body) }
        return SourceInvoiceIssue(try #require(error))
    }

    @Test("a company without a name points at the missing member")
    func missingCompanyName() throws {
        let body = SourceInvoiceSamples.companyInvoice.replacing(#""name": "Radhaus Nord GmbH","#, with: "")

        #expect(
            try Self.decodingIssue(body)
                == SourceInvoiceIssue(pointer: "#/customer/company/name", detail: "is required")
        )
    }

    @Test("a quantity sent as a string points at the line's quantity")
    func quantityAsString() throws {
        let body = SourceInvoiceSamples.personInvoice.replacing(#""quantity": 0.5"#, with: #""quantity": "0,5""#)

        #expect(
            try Self.decodingIssue(body)
                == SourceInvoiceIssue(pointer: "#/lineItems/1/quantity", detail: "must be a number")
        )
    }

    @Test("a required member sent as null points at it")
    func nullNumber() throws {
        let body = SourceInvoiceSamples.personInvoice.replacing(#""number": "2026-118""#, with: #""number": null"#)

        #expect(try Self.decodingIssue(body) == SourceInvoiceIssue(pointer: "#/number", detail: "must not be null"))
    }

    @Test("line items sent as an object point at lineItems")
    func lineItemsAsObject() throws {
        let body =
            #"{"number": "1", "date": "2026-01-02", "taxType": "net", "status": "draft", "#
            + #""customer": {"sourceId": "c"}, "lineItems": {}}"#

        #expect(try Self.decodingIssue(body) == SourceInvoiceIssue(pointer: "#/lineItems", detail: "must be an array"))
    }

    @Test("a body that is not JSON points at the whole document")
    func notJSON() throws {
        #expect(try Self.decodingIssue(#"{"number": "1","#).pointer == "#")
    }
}
