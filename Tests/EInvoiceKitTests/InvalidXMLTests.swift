import EInvoiceKit
import Foundation
import Testing

/// Broken and tampered XML is refused with a code that says why; a refused document is never half-read.
struct InvalidXMLTests {
    private static let einfachCII = "cii/EN16931_Einfach.cii.xml"
    private static let einfachUBL = "ubl/EN16931_Einfach.ubl.xml"

    /// Reads `sample` after replacing `original` (which must occur) with `replacement`.
    private func readTampered(_ sample: String, _ original: String, _ replacement: String) throws -> EInvoiceError {
        let text = try Samples.text(sample)
        try #require(text.contains(original))
        return try #require(throws: EInvoiceError.self) {
            try EInvoiceReader().read(Data(text.replacingOccurrences(of: original, with: replacement).utf8))
        }
    }

    @Test("an amount due that does not follow from the totals fails BR-CO-16")
    func amountDueMismatch() throws {
        let error = try readTampered(
            Self.einfachCII,
            "<ram:DuePayableAmount>529.87</ram:DuePayableAmount>",
            "<ram:DuePayableAmount>529.88</ram:DuePayableAmount>"
        )
        #expect(error.code == .totalsMismatch)
        #expect(error.rule == "BR-CO-16")
        #expect(error.field == "BT-115")
    }

    @Test("a gross total that is not net plus tax fails BR-CO-15 (UBL)")
    func grossMismatch() throws {
        let error = try readTampered(
            Self.einfachUBL,
            #"<cbc:TaxInclusiveAmount currencyID="EUR">529.87</cbc:TaxInclusiveAmount>"#,
            #"<cbc:TaxInclusiveAmount currencyID="EUR">519.87</cbc:TaxInclusiveAmount>"#
        )
        #expect(error.code == .totalsMismatch)
        #expect(error.rule == "BR-CO-15")
    }

    @Test("a line sum that differs from the lines fails BR-CO-10")
    func lineSumMismatch() throws {
        let error = try readTampered(
            Self.einfachCII,
            "<ram:LineTotalAmount>275.00</ram:LineTotalAmount>",
            "<ram:LineTotalAmount>257.00</ram:LineTotalAmount>"
        )
        #expect(error.code == .totalsMismatch)
        #expect(error.rule == "BR-CO-10")
    }

    @Test("a category tax amount that is not taxable × rate fails BR-CO-17, even when the totals agree with it")
    func categoryTaxMismatch() throws {
        var text = try Samples.text(Self.einfachCII)
        for (original, replacement) in [
            (
                "<ram:CalculatedAmount>19.25</ram:CalculatedAmount>",
                "<ram:CalculatedAmount>19.35</ram:CalculatedAmount>"
            ),
            (#"currencyID="EUR">56.87<"#, #"currencyID="EUR">56.97<"#),
            ("<ram:GrandTotalAmount>529.87<", "<ram:GrandTotalAmount>529.97<"),
            ("<ram:DuePayableAmount>529.87<", "<ram:DuePayableAmount>529.97<"),
        ] {
            try #require(text.contains(original))
            text = text.replacingOccurrences(of: original, with: replacement)
        }
        let error = try #require(throws: EInvoiceError.self) { try EInvoiceReader().read(Data(text.utf8)) }
        #expect(error.code == .taxMismatch)
        #expect(error.rule == "BR-CO-17")
    }

    @Test("a category's taxable amount that is not its lines' sum fails BR-S-08")
    func categoryBaseMismatch() throws {
        var text = try Samples.text(Self.einfachCII)
        // Move 10.00 of taxable amount from 7 % to 19 %, keeping every total and tax amount consistent.
        text = text.replacingOccurrences(of: "<ram:BasisAmount>275.00<", with: "<ram:BasisAmount>265.00<")
            .replacingOccurrences(of: "<ram:CalculatedAmount>19.25<", with: "<ram:CalculatedAmount>18.55<")
            .replacingOccurrences(of: "<ram:BasisAmount>198.00<", with: "<ram:BasisAmount>208.00<")
            .replacingOccurrences(of: "<ram:CalculatedAmount>37.62<", with: "<ram:CalculatedAmount>39.52<")
            .replacingOccurrences(of: #"currencyID="EUR">56.87<"#, with: #"currencyID="EUR">58.07<"#)
            .replacingOccurrences(of: ">529.87<", with: ">531.07<")
        let error = try #require(throws: EInvoiceError.self) { try EInvoiceReader().read(Data(text.utf8)) }
        #expect(error.code == .taxMismatch)
        #expect(error.rule == "BR-S-08")
        #expect(error.field == "BT-116")
    }

    @Test("a missing invoice number is refused with BT-1")
    func missingNumber() throws {
        let error = try readTampered(Self.einfachCII, "<ram:ID>471102</ram:ID>", "")
        #expect(error.code == .missingField)
        #expect(error.field == "BT-1")
        let ubl = try readTampered(Self.einfachUBL, "<cbc:ID>471102</cbc:ID>", "<cbc:ID>  </cbc:ID>")
        #expect(ubl.code == .missingField)
        #expect(ubl.field == "BT-1")
    }

    @Test("a missing currency and a missing issue date are refused with their business terms")
    func missingCurrencyAndDate() throws {
        let currency = try readTampered(Self.einfachUBL, "<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>", "")
        #expect(currency.code == .missingField)
        #expect(currency.field == "BT-5")
        let date = try readTampered(Self.einfachUBL, "<cbc:IssueDate>2018-03-05</cbc:IssueDate>", "")
        #expect(date.field == "BT-2")
        let invalid = try readTampered(Self.einfachCII, #"format="102">20180305<"#, #"format="102">20180230<"#)
        #expect(invalid.code == .invalidValue)
        #expect(invalid.field == "BT-2")
    }

    @Test("an amount that is not a plain decimal is refused")
    func invalidAmount() throws {
        let error = try readTampered(Self.einfachCII, "<ram:GrandTotalAmount>529.87<", "<ram:GrandTotalAmount>529,87<")
        #expect(error.code == .invalidValue)
        #expect(error.field == "BT-112")
    }

    @Test("the right element names in the wrong namespace are refused, whatever the prefix")
    func wrongNamespace() throws {
        let error = try readTampered(
            Self.einfachCII,
            #"xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100""#,
            #"xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:99""#
        )
        #expect(error.code == .unknownNamespace)
        let ubl = try readTampered(
            Self.einfachUBL,
            #"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2""#,
            #"<Invoice xmlns="urn:example:invoice""#
        )
        #expect(ubl.code == .unknownNamespace)
        // Children in a foreign namespace are not the invoice's terms either.
        let children = try readTampered(
            Self.einfachUBL,
            #"xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2""#,
            #"xmlns:cbc="urn:example:basic""#
        )
        #expect(children.code == .missingField)
    }

    @Test("other prefixes for the same namespaces read the same")
    func prefixesDoNotMatter() throws {
        let text = try Samples.text(Self.einfachCII)
            .replacingOccurrences(of: "ram:", with: "x:").replacingOccurrences(of: "xmlns:ram=", with: "xmlns:x=")
        let invoice = try EInvoiceReader().read(Data(text.utf8))
        #expect(invoice.number == "471102")
    }

    @Test(
        "XML that is not an invoice, and data that is not XML or PDF, are refused",
        arguments: [
            (#"<?xml version="1.0"?><order xmlns="urn:example:order"><id>1</id></order>"#, "not-an-invoice"),
            (
                #"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><unclosed></Invoice>"#,
                "malformed-xml"
            ),
            ("Rechnung 471102, 529,87 EUR", "unsupported-format"),
            ("", "unsupported-format"),
        ]
    )
    func notAnInvoice(document: String, code: String) throws {
        let error = try #require(throws: EInvoiceError.self) { try EInvoiceReader().read(Data(document.utf8)) }
        #expect(error.code.rawValue == code)
    }

    @Test("an error's description names code, term and rule but no document content")
    func descriptionIsSafeToLog() throws {
        let error = try readTampered(Self.einfachCII, "<ram:DuePayableAmount>529.87<", "<ram:DuePayableAmount>529.88<")
        #expect(
            error.description
                == "EInvoiceError(totals-mismatch BT-115 BR-CO-16): BT-115 differs from BT-112 − BT-113 + BT-114."
        )
        #expect(!error.description.contains("529"))
    }
}
