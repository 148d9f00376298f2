import Foundation
import KontorTestSupport
import Testing

@testable import LexofficeSandbox

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The documents behind `GET /v1/{type}/{id}/file`: the printed PDF and the XRechnung XML.
@Suite(.timeLimit(.minutes(1)))
struct DocumentRenderingTests {
    @Test("a PDF is well formed: header, objects at the offsets of the cross-reference table, trailer")
    func pdfStructure() throws {
        let pdf = SalesDocumentPDFRenderer().pdf(for: .fixture())
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-1.4\n"))
        #expect(text.hasSuffix("%%EOF\n"))

        let startxref = try #require(text.range(of: "startxref\n", options: .backwards))
        let xrefOffset = try #require(Int(text[startxref.upperBound...].prefix { $0.isNumber }))
        let bytes = [UInt8](pdf)
        #expect(String(decoding: bytes[xrefOffset..<(xrefOffset + 5)], as: UTF8.self) == "xref\n")
        let table = String(decoding: bytes[xrefOffset...], as: UTF8.self).split(separator: "\n")
        let sizeField = try #require(table[1].split(separator: " ").last)
        let count = try #require(Int(sizeField))
        for number in 1..<count {
            let entry = table[2 + number]
            #expect(entry.utf8.count == 19, "an entry is 20 bytes with its line feed")
            let offset = try #require(Int(entry.prefix(10)))
            let object = String(decoding: bytes[offset..<(offset + 12)], as: UTF8.self)
            #expect(object.hasPrefix("\(number) 0 obj\n"), "object \(number) at \(offset)")
        }
    }

    @Test("text is encoded in WinAnsi with (, ) and \\ escaped")
    func winAnsi() {
        #expect(
            PDFWriter.winAnsiBytes("Grüße € – ß") == [0x47, 0x72, 0xFC, 0xDF, 0x65, 0x20, 0x80, 0x20, 0x96, 0x20, 0xDF]
        )
        #expect(PDFWriter.winAnsiBytes("u\u{308}\u{A0}✓") == [0xFC, 0x20, 0x3F], "composed, spaced, unknown")
        #expect(PDFWriter.encodedLiteral("(a\\b) 5 €") == "(\\(a\\\\b\\) 5 \\200)")
        #expect(PDFWriter.width(of: "1,00 €", font: .regular, size: 10) == 27.8)
    }

    @Test(
        "an invoice PDF shows number, date, address, items, tax and totals, umlauts and € included",
        .enabled(if: DocumentTools.isAvailable, "install poppler-utils (pdftotext, pdfinfo)")
    )
    func invoiceText() throws {
        let document = RenderedSalesDocument.fixture()
        let text = try DocumentTools.text(of: SalesDocumentPDFRenderer().pdf(for: document))
        let expected =
            ["Rechnung RE0045", "17.03.2025", "16.04.2025", "03.03.2025 – 14.03.2025", "Fahrradwerkstatt Kühn GmbH"]
            + document.recipient + document.lines.map(\.name)
            + [
                "Butyl, Autoventil, für Dienstfahrräder", "59,97 €", "2,5", "kg",
                "Umsatzsteuer 19 % auf 64,46 €", "12,25 €", "Umsatzsteuer 7 % auf 31,00 €", "2,17 €",
                "Gesamtbetrag netto", "95,46 €", "Gesamtbetrag", "109,88 €",
                "Zu Ihrer Auftragsbestätigung AB0021 berechnen wir:", "Zahlbar bis 16.04.2025 ohne Abzug.",
                "Vielen Dank für die gute Zusammenarbeit.", "Seite 1 von 1",
            ]
        for snippet in expected {
            #expect(text.contains(snippet), "missing \(snippet)")
        }
    }

    @Test(
        "300 line items run over several pages, each with the table header",
        .enabled(if: DocumentTools.isAvailable, "install poppler-utils (pdftotext, pdfinfo)")
    )
    func manyLines() throws {
        var document = RenderedSalesDocument.fixture()
        document.lines = (1...300).map { index in
            RenderedSalesDocument.Line(
                position: "\(index)",
                name: "Artikel Nr. " + String(repeating: "0", count: 3 - "\(index)".count) + "\(index)",
                description: index.isMultiple(of: 7) ? "Größe M, Farbe Grün, längere Beschreibung der Ausführung" : nil,
                quantity: "1",
                unit: "Stück",
                unitPrice: "1,00 €",
                amount: "1,00 €"
            )
        }
        let pdf = SalesDocumentPDFRenderer().pdf(for: document)
        let pages = try DocumentTools.pageCount(of: pdf)
        #expect(pages > 1)

        let text = try DocumentTools.text(of: pdf)
        for line in document.lines {
            #expect(text.contains(line.name), "missing \(line.name)")
        }
        let pageTexts = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).prefix(pages)
        for (index, page) in pageTexts.enumerated() {
            #expect(page.contains("Seite \(index + 1) von \(pages)"))
            if page.contains("Artikel Nr.") {
                #expect(page.contains("Pos.") && page.contains("Einzelpreis"), "table header on page \(index + 1)")
            }
        }
        #expect(pageTexts.last?.contains("109,88 €") == true)
    }

    @Test("the XRechnung XML parses and carries the key fields, one InvoiceLine per line")
    func xRechnung() throws {
        let invoice = XRechnungData.fixture()
        let xml = XRechnungWriter().xml(for: invoice)
        let elements = try ParsedElements(xml)

        #expect(elements.root == "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2 Invoice")
        #expect(elements.texts("CustomizationID") == [XRechnungWriter.customizationID])
        #expect(elements.texts("BuyerReference") == ["04011000-12345-67"])
        #expect(elements.texts("ID").first == "RE0045")
        #expect(elements.texts("IssueDate") == ["2025-03-17"])
        #expect(elements.texts("DueDate") == ["2025-04-16"])
        #expect(elements.texts("InvoiceTypeCode") == ["380"])
        #expect(elements.texts("PayableAmount") == ["109.88"])
        #expect(elements.texts("TaxExclusiveAmount") == ["95.46"])
        #expect(elements.texts("TaxableAmount") == ["31.00", "64.46"])
        #expect(elements.texts("PaymentMeansCode") == ["58"])
        #expect(elements.count("InvoiceLine") == invoice.lines.count)
        #expect(elements.texts("InvoicedQuantity") == ["3", "1", "2.5"])
        #expect(elements.texts("PriceAmount") == ["19.99", "4.491", "12.40"])
        #expect(elements.texts("RegistrationName").first == "Fahrradwerkstatt Kühn & Söhne <GmbH>")
        #expect(elements.texts("StreetName").last == "Kümmellstraße 5")
        #expect(elements.count("cbc", "ID") > 0, "basic components are in the cbc namespace")
    }

    @Test("0 % is Z, or E with the exemption reason; without an IBAN the payment means is 1")
    func zeroRate() throws {
        var invoice = XRechnungData.fixture()
        invoice.iban = nil
        invoice.lines = [.init(name: "Porto", quantity: 1, unitCode: "C62", netPrice: 5, netAmount: 5, taxRate: 0)]
        invoice.taxSubtotals = [.init(taxRate: 0, taxableAmount: 5, taxAmount: 0)]
        let zeroRated = try ParsedElements(XRechnungWriter().xml(for: invoice))
        #expect(zeroRated.texts("PaymentMeansCode") == ["1"])
        #expect(zeroRated.texts("Percent") == ["0", "0"])
        #expect(zeroRated.texts("TaxExemptionReason").isEmpty)

        invoice.zeroRateExemptionReason = "Kleinunternehmer gemäß § 19 UStG"
        let exempt = try ParsedElements(XRechnungWriter().xml(for: invoice))
        #expect(exempt.texts("TaxExemptionReason") == ["Kleinunternehmer gemäß § 19 UStG"])
        #expect(exempt.texts("ID").contains("E"))
        #expect(!exempt.texts("ID").contains("Z"))
    }

    @Test(
        "German unit names map to UN/ECE codes, unknown ones to C62",
        arguments: [
            ("Stück", "H87"), ("Stunde", "HUR"), ("Std.", "HUR"), ("Pauschal", "LS"), ("kg", "KGM"),
            (" Tage ", "DAY"), ("Palette", "C62"),
        ]
    )
    func unitCodes(name: String, code: String) {
        #expect(XRechnungWriter.unitCode(forUnitName: name) == code)
    }
}

/// poppler-utils, which turns PDFs into text (`pdftotext`) and counts their pages (`pdfinfo`).
enum DocumentTools {
    static let isAvailable = path(of: "pdftotext") != nil && path(of: "pdfinfo") != nil

    /// The text of `pdf` as laid out on its pages.
    static func text(of pdf: Data) throws -> String {
        try run("pdftotext", ["-layout", "-enc", "UTF-8"], pdf: pdf, output: "-")
    }

    static func pageCount(of pdf: Data) throws -> Int {
        let info = try run("pdfinfo", [], pdf: pdf)
        let line = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") })
        return try #require(Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)))
    }

    private static func run(_ tool: String, _ arguments: [String], pdf: Data, output: String? = nil) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("document-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let run = try SpawnedProcess.runToCompletion(
            URL(fileURLWithPath: try #require(path(of: tool))),
            arguments: arguments + [file.path] + (output.map { [$0] } ?? [])
        )
        #expect(run.status == 0, "\(tool) failed: \(run.errors)")
        return run.output
    }

    private static func path(of tool: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// The elements of an XML document as parsed by `XMLParser` with namespaces.
private struct ParsedElements {
    /// The root element as `namespace localName`.
    var root = ""
    /// Every element in document order: namespace prefix (from the qualified name), local name, text.
    var elements: [(prefix: String, name: String, text: String)] = []

    init(_ xml: Data) throws {
        let parser = XMLParser(data: xml)
        parser.shouldProcessNamespaces = true
        let collector = ElementCollector()
        parser.delegate = collector
        #expect(parser.parse(), "XML parse error: \(String(describing: parser.parserError))")
        try #require(parser.parserError == nil)
        root = collector.root
        elements = collector.elements
    }

    func texts(_ name: String) -> [String] {
        elements.filter { $0.name == name }.map(\.text)
    }

    func count(_ name: String) -> Int { elements.count { $0.name == name } }

    func count(_ prefix: String, _ name: String) -> Int {
        elements.count { $0.prefix == prefix && $0.name == name }
    }
}

private final class ElementCollector: NSObject, XMLParserDelegate {
    var root = ""
    var elements: [(prefix: String, name: String, text: String)] = []
    private var open: [Int] = []

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elements.isEmpty { root = "\(namespaceURI ?? "") \(elementName)" }
        let prefix = qualifiedName?.split(separator: ":").dropLast().first.map(String.init) ?? ""
        open.append(elements.count)
        elements.append((prefix, elementName, ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }

    func parser(
        _ parser: XMLParser,
        didEndElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?
    ) {
        if let index = open.popLast() {
            elements[index].text = elements[index].text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}

extension RenderedSalesDocument {
    /// The net XRechnung invoice of `totals-and-rounding.md`'s worked example, as printed.
    static func fixture() -> RenderedSalesDocument {
        RenderedSalesDocument(
            kind: "Rechnung",
            number: "RE0045",
            date: "17.03.2025",
            dueDate: "16.04.2025",
            serviceDate: "03.03.2025 – 14.03.2025",
            sender: ["Fahrradwerkstatt Kühn GmbH", "Hafenweg 3", "28195 Bremen"],
            recipient: ["Bezirksamt Hamburg-Nord", "Fachamt Fuhrpark", "Kümmellstraße 5", "20249 Hamburg"],
            introduction: "Zu Ihrer Auftragsbestätigung AB0021 berechnen wir:",
            remark: "Vielen Dank für die gute Zusammenarbeit.",
            lines: [
                .init(
                    position: "1",
                    name: "Fahrradschlauch 28 Zoll",
                    description: "Butyl, Autoventil, für Dienstfahrräder",
                    quantity: "3",
                    unit: "Stück",
                    unitPrice: "19,99 €",
                    amount: "59,97 €"
                ),
                .init(
                    position: "2",
                    name: "Ventilkappen-Set (10 % Rabatt)",
                    quantity: "1",
                    unit: "Stück",
                    unitPrice: "4,99 €",
                    amount: "4,49 €"
                ),
                .init(text: "Werkstattbedarf", description: "Verbrauchsmaterial für die Werkstattküche"),
                .init(
                    position: "3",
                    name: "Kaffeebohnen Werkstattküche",
                    quantity: "2,5",
                    unit: "kg",
                    unitPrice: "12,40 €",
                    amount: "31,00 €"
                ),
            ],
            taxes: [
                .init(rateLabel: "7 %", net: "31,00 €", tax: "2,17 €"),
                .init(rateLabel: "19 %", net: "64,46 €", tax: "12,25 €"),
            ],
            totalNet: "95,46 €",
            totalTax: "14,42 €",
            totalGross: "109,88 €",
            paymentTerms: "Zahlbar bis 16.04.2025 ohne Abzug."
        )
    }
}

extension XRechnungData {
    /// The same invoice as machine values, to a Leitweg-ID.
    static func fixture() -> XRechnungData {
        XRechnungData(
            invoiceNumber: "RE0045",
            issueDate: "2025-03-17",
            dueDate: "2025-04-16",
            deliveryDate: "2025-03-14",
            buyerReference: "04011000-12345-67",
            seller: .init(
                name: "Fahrradwerkstatt Kühn & Söhne <GmbH>",
                street: "Hafenweg 3",
                zip: "28195",
                city: "Bremen",
                countryCode: "DE",
                vatID: "DE123456789",
                contactName: "Jana Kühn",
                email: "rechnung@kuehn-fahrrad.example",
                phone: "+49 421 123456"
            ),
            buyer: .init(
                name: "Bezirksamt Hamburg-Nord",
                street: "Kümmellstraße 5",
                zip: "20249",
                city: "Hamburg",
                countryCode: "DE"
            ),
            lines: [
                .init(
                    name: "Fahrradschlauch 28 Zoll",
                    description: "Butyl, Autoventil",
                    quantity: 3,
                    unitCode: "H87",
                    netPrice: Decimal(string: "19.99")!,
                    netAmount: Decimal(string: "59.97")!,
                    taxRate: 19
                ),
                .init(
                    name: "Ventilkappen-Set",
                    quantity: 1,
                    unitCode: "H87",
                    netPrice: Decimal(string: "4.491")!,
                    netAmount: Decimal(string: "4.49")!,
                    taxRate: 19
                ),
                .init(
                    name: "Kaffeebohnen",
                    quantity: Decimal(string: "2.5")!,
                    unitCode: "KGM",
                    netPrice: Decimal(string: "12.4")!,
                    netAmount: 31,
                    taxRate: 7
                ),
            ],
            taxSubtotals: [
                .init(taxRate: 7, taxableAmount: 31, taxAmount: Decimal(string: "2.17")!),
                .init(taxRate: 19, taxableAmount: Decimal(string: "64.46")!, taxAmount: Decimal(string: "12.25")!),
            ],
            totalNet: Decimal(string: "95.46")!,
            totalTax: Decimal(string: "14.42")!,
            totalGross: Decimal(string: "109.88")!,
            paymentTerms: "Zahlbar bis 16.04.2025 ohne Abzug.",
            iban: "DE02 1001 0010 0006 8201 01",
            bic: "PBNKDEFF"
        )
    }
}
