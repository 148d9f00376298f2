import EInvoiceKit
import Foundation
import Testing

/// The PDF object parser finds the embedded invoice in every cross-reference layout, and refuses what is not one.
struct PDFReaderTests {
    private static func einfachXML() throws -> [UInt8] { [UInt8](try Samples.data("cii/EN16931_Einfach.cii.xml")) }

    @Test("a classic xref table with an uncompressed attachment and an indirect /Length")
    func classicTable() throws {
        let pdf = PDFBuilder.hybrid(
            xml: try Self.einfachXML(),
            attachmentName: "factur-x.xml",
            associated: true,
            compress: false
        )
        let invoice = try EInvoiceReader().read(pdf.classic())
        #expect(invoice.number == "471102")
        #expect(invoice.source.pdfAttachmentName == "factur-x.xml")
    }

    @Test("an xref stream and an object stream, uncompressed and Flate with PNG predictor", arguments: [false, true])
    func xrefStream(compress: Bool) throws {
        let pdf = PDFBuilder.hybrid(
            xml: try Self.einfachXML(),
            attachmentName: "zugferd-invoice.xml",
            associated: false,
            compress: compress
        )
        let data = pdf.withXRefStream(packed: [1, 2, 4, 6, 7], streamNumber: 20, compress: compress)
        let invoice = try EInvoiceReader().read(data)
        #expect(invoice.totals.amountDue == decimal("529.87"))
        #expect(invoice.source.pdfAttachmentName == "zugferd-invoice.xml")
    }

    @Test("a PDF without attachments is a plain PDF")
    func noAttachment() throws {
        var pdf = PDFBuilder()
        pdf.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        pdf.add(2, "<< /Type /Pages /Kids [] /Count 0 >>")
        let error = try #require(throws: EInvoiceError.self) { try EInvoiceReader().read(pdf.classic()) }
        #expect(error.code == .noEmbeddedInvoice)
    }

    @Test("an attachment that is not XML is not an invoice")
    func otherAttachment() throws {
        let pdf = PDFBuilder.hybrid(
            xml: Array("a,b\n1,2\n".utf8),
            attachmentName: "data.csv",
            associated: true,
            compress: true
        )
        let error = try #require(throws: EInvoiceError.self) { try EInvoiceReader().read(pdf.classic()) }
        #expect(error.code == .noEmbeddedInvoice)
    }

    @Test("an embedded XML that is not an invoice is refused like any other XML")
    func embeddedNonInvoice() throws {
        let pdf = PDFBuilder.hybrid(
            xml: Array("<note xmlns=\"urn:x\"/>".utf8),
            attachmentName: "factur-x.xml",
            associated: true,
            compress: true
        )
        let error = try #require(throws: EInvoiceError.self) { try EInvoiceReader().read(pdf.classic()) }
        #expect(error.code == .notAnInvoice)
    }

    @Test("an encrypted PDF is reported as such")
    func encrypted() throws {
        let pdf = PDFBuilder.hybrid(
            xml: try Self.einfachXML(),
            attachmentName: "factur-x.xml",
            associated: true,
            compress: false
        )
        let error = try #require(throws: EInvoiceError.self) {
            try EInvoiceReader().read(pdf.classic(trailerExtra: " /Encrypt << /Filter /Standard >>"))
        }
        #expect(error.code == .encryptedPDF)
    }

    @Test("a truncated sample PDF is malformed", arguments: [0.5, 0.9, 0.999])
    func truncated(fraction: Double) throws {
        let data = try Samples.data("zugferd-pdf/EN16931_Einfach.pdf")
        let error = try #require(throws: EInvoiceError.self) {
            try EInvoiceReader().read(data.prefix(Int(Double(data.count) * fraction)))
        }
        #expect(error.code == .malformedPDF)
    }

    @Test("a corrupted Flate stream is refused, not half-read")
    func corruptedStream() throws {
        let pdf = PDFBuilder.hybrid(
            xml: try Self.einfachXML(),
            attachmentName: "factur-x.xml",
            associated: true,
            compress: true
        )
        var bytes = [UInt8](pdf.classic())
        let marker = Array("stream\r\n".utf8)
        let start = try #require((0..<bytes.count).first { bytes[$0...].starts(with: marker) }) + marker.count
        for index in (start + 2)..<(start + 40) { bytes[index] = 0xFF }
        let error = try #require(throws: EInvoiceError.self) { try EInvoiceReader().read(Data(bytes)) }
        #expect(error.code == .malformedPDF)
    }

    @Test("an xref loop and a reference loop end with an error")
    func loops() throws {
        var pdf = PDFBuilder()
        pdf.add(1, "<< /Type /Catalog /Names 3 0 R >>")
        pdf.add(3, "4 0 R")
        pdf.add(4, "3 0 R")
        let error = try #require(throws: EInvoiceError.self) { try EInvoiceReader().read(pdf.classic()) }
        #expect(error.code == .malformedPDF)
    }

    @Test("a stream that inflates beyond the limit is refused")
    func inflationBomb() throws {
        let pdf = PDFBuilder.hybrid(
            xml: [UInt8](repeating: 0x20, count: 4 << 20),
            attachmentName: "factur-x.xml",
            associated: true,
            compress: true
        )
        let reader = EInvoiceReader(limits: .init(maximumDecodedStreamBytes: 1 << 20))
        let error = try #require(throws: EInvoiceError.self) { try reader.read(pdf.classic()) }
        #expect(error.code == .limitExceeded)
    }
}
