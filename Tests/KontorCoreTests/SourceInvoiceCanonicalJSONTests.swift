import Foundation
import KontorCore
import Testing

/// The canonical JSON written by hand must stay byte for byte what `JSONEncoder` writes with sorted keys: stored
/// invoices were fingerprinted that way, and a source sending the same invoice again must get "unchanged".
@Suite("Source invoice: canonical JSON")
struct SourceInvoiceCanonicalJSONTests {
    private static func encoderJSON(_ invoice: SourceInvoice) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(invoice), as: UTF8.self)
    }

    @Test("a complete invoice: every key, in JSONEncoder's order")
    func complete() throws {
        #expect(SourceInvoiceFixtures.complete.canonicalJSON == (try Self.encoderJSON(SourceInvoiceFixtures.complete)))
        for part in [
            SourceInvoiceFixtures.complete, SourceInvoiceFixtures.complete.customer,
            SourceInvoiceFixtures.complete.lineItems[0],
        ] as [Any] {
            let absent = Mirror(reflecting: part).children.filter { child in
                Mirror(reflecting: child.value).displayStyle == .optional
                    && Mirror(reflecting: child.value).children.isEmpty
            }
            #expect(absent.isEmpty, "a new optional property must be set here and written: \(absent.map(\.label))")
        }
    }

    @Test("escapes: quotes, backslashes, every control character; slashes, DEL and non-ASCII as they are")
    func escapes() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let tricky = "\"q\" \\ / \u{7F} ü ß € 😀 \u{2028} \u{FEFF} " + controls
        var invoice = SourceInvoiceFixtures.complete
        invoice.title = tricky
        invoice.customer.company?.name = tricky
        invoice.lineItems[1].name = controls + tricky
        invoice.remark = ""
        #expect(invoice.canonicalJSON == (try Self.encoderJSON(invoice)))
    }

    @Test(
        "numbers: decimals of every shape and whole numbers",
        arguments: [
            "0", "-0", "2.50", "-0.001", "1e30", "123456789012345678901234567890.123", "0.000000000000000000000001",
            "99999999.99", "-12.3456", "19", "1E-5",
        ]
    )
    func numbers(text: String) throws {
        let value = try #require(Decimal(string: text))
        var invoice = SourceInvoiceFixtures.complete
        invoice.lineItems[0].quantity = value
        invoice.lineItems[0].unitPrice.net = value
        invoice.totals?.gross = value
        invoice.paymentTermDays = -3
        #expect(invoice.canonicalJSON == (try Self.encoderJSON(invoice)))
    }

    @Test("500 random invoices: the same bytes as JSONEncoder")
    func random() throws {
        for invoice in SourceInvoiceFixtures.randomInvoices(count: 500, seed: 20_261_201) {
            #expect(invoice.canonicalJSON == (try Self.encoderJSON(invoice)))
        }
    }
}
