import EInvoiceKit
import Foundation
import Testing

/// Hostile or corrupt documents are refused with an error; none may crash or hang the reader (which runs inside the
/// hub's process).
struct HostileInputTests {
    private static let catalog = "<< /Type /Catalog /Names << /EmbeddedFiles << /Names [(factur-x.xml) 3 0 R] >> >> >>"
    private static let fileSpecification = "<< /Type /Filespec /F (factur-x.xml) /EF << /F 4 0 R >> >>"

    /// A PDF of `objects` whose cross-reference is an xref stream (object 9) with `/W [1 2 1]`: `dictionary` adds to
    /// its dictionary, `rows` gives its rows from the objects' offsets (or none).
    private func pdf(
        _ objects: [(Int, String)],
        xrefDictionary dictionary: String,
        rows: ([Int: Int]) -> [UInt8] = { _ in [] }
    ) -> Data {
        var file = Array("%PDF-1.7\n".utf8)
        var offsets: [Int: Int] = [:]
        for (number, body) in objects {
            offsets[number] = file.count
            file += Array("\(number) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let start = file.count
        let data = rows(offsets)
        file += Array(
            "9 0 obj\n<< /Type /XRef /Size 10 /W [1 2 1] /Root 1 0 R \(dictionary) /Length \(data.count) >>".utf8
        )
        file += Array("\nstream\n".utf8) + data + Array("\nendstream\nendobj\nstartxref\n\(start)\n%%EOF\n".utf8)
        return Data(file)
    }

    private func row(_ type: UInt8, _ field: Int, _ index: UInt8) -> [UInt8] {
        [type, UInt8(field >> 8 & 0xFF), UInt8(field & 0xFF), index]
    }

    private func refusal(_ data: Data) throws -> EInvoiceError {
        try #require(throws: EInvoiceError.self) { try EInvoiceReader().read(data) }
    }

    @Test("an xref stream /Index with a negative or overflowing count is malformed")
    func invalidIndex() throws {
        for index in ["[0 -5]", "[9223372036854775807 5]"] {
            let error = try refusal(pdf([(1, Self.catalog)], xrefDictionary: "/Index \(index)"))
            #expect(error.code == .malformedPDF)
        }
    }

    @Test("an object stream said to hold itself is a cycle, not endless recursion")
    func objectStreamHoldingItself() throws {
        let data = pdf([(1, Self.catalog), (3, Self.fileSpecification)], xrefDictionary: "/Index [0 5]") { offsets in
            row(0, 0, 0) + row(1, offsets[1]!, 0) + row(0, 0, 0) + row(1, offsets[3]!, 0) + row(2, 4, 0)
        }
        #expect(try refusal(data).code == .malformedPDF)
    }

    @Test("a stream whose /Length is its own object, or beyond any file size, is read up to endstream")
    func hostileLength() throws {
        for length in ["4 0 R", "9223372036854775807"] {
            var builder = PDFBuilder()
            builder.add(1, Self.catalog)
            builder.add(3, Self.fileSpecification)
            builder.add(4, "<< /Length \(length) >>\nstream\n<note xmlns=\"urn:x\"/>\nendstream")
            #expect(try refusal(builder.classic()).code == .notAnInvoice)
        }
    }

    @Test("PNG predictor parameters too large to multiply are clamped, not overflowed")
    func hugePredictorColumns() throws {
        let error = try refusal(
            pdf(
                [(1, Self.catalog)],
                xrefDictionary:
                    "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 9223372036854775807 /Colors 4 >>"
            ) { _ in [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01] }  // zlib of no bytes
        )
        #expect(error.code == .malformedPDF)
    }

    @Test("XML that claims UTF-8 but holds other bytes (here in a comment) is malformed")
    func invalidUTF8() throws {
        let text = try Samples.text("cii/EN16931_Einfach.cii.xml")
        let root = "<rsm:CrossIndustryInvoice"
        try #require(text.contains(root))
        var bytes = Array(text.replacingOccurrences(of: root, with: "<!-- Engl\u{1}sh -->\(root)").utf8)
        bytes[bytes.firstIndex(of: 0x01)!] = 0xF6  // Latin-1 "ö"
        #expect(try refusal(Data(bytes)).code == .malformedXML)
    }

    @Test("XML in a declared single-byte encoding is transcoded, not refused as invalid UTF-8")
    func latin1Declared() throws {
        let text = try Samples.text("cii/EN16931_Einfach.cii.xml")
        let declaration = try #require(text.range(of: "encoding='UTF-8'"))
        let latin1 = text.replacingCharacters(in: declaration, with: "encoding='ISO-8859-1'")
        let bytes = latin1.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") }
        let invoice = try EInvoiceReader().read(Data(bytes))
        #expect(invoice.number == "471102")
    }
}
