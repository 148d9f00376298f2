import CZlib
import Foundation

/// Writes small PDFs for tests: objects by number, with a classic xref table or with an xref stream and an object
/// stream, optionally Flate-compressed with a PNG predictor — the layouts the sample corpus does not cover.
struct PDFBuilder {
    /// Object bodies by number: the text between `n 0 obj` and `endobj`.
    var objects: [Int: [UInt8]] = [:]
    var rootNumber = 1

    mutating func add(_ number: Int, _ body: String) { objects[number] = Array(body.utf8) }

    /// Adds a stream object; `compress` applies FlateDecode; `indirectLength` stores /Length in object `number + 1000`.
    mutating func addStream(_ number: Int, dictionary: String, data: [UInt8], compress: Bool, indirectLength: Bool) {
        let payload = compress ? Self.deflate(data) : data
        let filter = compress ? " /Filter /FlateDecode" : ""
        let length = indirectLength ? "\(number + 1000) 0 R" : "\(payload.count)"
        if indirectLength { add(number + 1000, "\(payload.count)") }
        objects[number] =
            Array("<< \(dictionary)\(filter) /Length \(length) >>\nstream\r\n".utf8) + payload
            + Array("\r\nendstream".utf8)
    }

    /// The file with a classic cross-reference table.
    func classic(trailerExtra: String = "") -> Data {
        var file = Array("%PDF-1.7\n%\u{E2}\u{E3}\n".utf8)
        var offsets: [Int: Int] = [:]
        for number in objects.keys.sorted() {
            offsets[number] = file.count
            file += Array("\(number) 0 obj\n".utf8) + objects[number]! + Array("\nendobj\n".utf8)
        }
        let size = (objects.keys.max() ?? 0) + 1
        let start = file.count
        var table = "xref\n0 \(size)\n0000000000 65535 f\r\n"
        for number in 1..<size {
            let offset = offsets[number].map { String(format: "%010d 00000 n\r\n", $0) } ?? "0000000000 00000 f\r\n"
            table += offset
        }
        table += "trailer\n<< /Size \(size) /Root \(rootNumber) 0 R\(trailerExtra) >>\nstartxref\n\(start)\n%%EOF\n"
        return Data(file + Array(table.utf8))
    }

    /// The file with an xref stream (object `size`), the objects in `packed` stored in object stream `streamNumber`.
    func withXRefStream(packed: [Int], streamNumber: Int, compress: Bool) -> Data {
        var file = Array("%PDF-1.7\n".utf8)
        var entries: [Int: (type: Int, field2: Int, field3: Int)] = [:]
        for number in objects.keys.sorted() where !packed.contains(number) {
            entries[number] = (1, file.count, 0)
            file += Array("\(number) 0 obj\n".utf8) + objects[number]! + Array("\nendobj\n".utf8)
        }
        var header = ""
        var body: [UInt8] = []
        for (index, number) in packed.enumerated() {
            header += "\(number) \(body.count) "
            body += objects[number]! + [0x0A]
            entries[number] = (2, streamNumber, index)
        }
        var objectStream = PDFBuilder()
        objectStream.addStream(
            streamNumber,
            dictionary: "/Type /ObjStm /N \(packed.count) /First \(header.utf8.count)",
            data: Array(header.utf8) + body,
            compress: compress,
            indirectLength: false
        )
        entries[streamNumber] = (1, file.count, 0)
        file += Array("\(streamNumber) 0 obj\n".utf8) + objectStream.objects[streamNumber]! + Array("\nendobj\n".utf8)

        let xrefNumber = max(streamNumber, objects.keys.max() ?? 0) + 1
        entries[xrefNumber] = (1, file.count, 0)
        let rows: [[UInt8]] = (0...xrefNumber).map { number in
            let entry = entries[number] ?? (0, 0, number == 0 ? 65535 : 0)
            let field2 = UInt32(entry.field2)
            return [
                UInt8(entry.type), UInt8(field2 >> 24), UInt8(field2 >> 16 & 0xFF), UInt8(field2 >> 8 & 0xFF),
                UInt8(field2 & 0xFF), UInt8(entry.field3 >> 8 & 0xFF), UInt8(entry.field3 & 0xFF),
            ]
        }
        var data: [UInt8]
        var dictionary = "/Type /XRef /Size \(xrefNumber + 1) /W [1 4 2] /Root \(rootNumber) 0 R"
        if compress {  // PNG "Up" predictor on 7-byte rows, as PDF writers commonly do
            data = []
            var previous = [UInt8](repeating: 0, count: 7)
            for row in rows {
                data.append(2)
                data += zip(row, previous).map { $0 &- $1 }
                previous = row
            }
            dictionary += " /DecodeParms << /Predictor 12 /Columns 7 >>"
        } else {
            data = rows.flatMap(\.self)
        }
        let start = file.count
        var xref = PDFBuilder()
        xref.addStream(xrefNumber, dictionary: dictionary, data: data, compress: compress, indirectLength: false)
        file += Array("\(xrefNumber) 0 obj\n".utf8) + xref.objects[xrefNumber]! + Array("\nendobj\n".utf8)
        file += Array("startxref\n\(start)\n%%EOF\n".utf8)
        return Data(file)
    }

    private static func deflate(_ data: [UInt8]) -> [UInt8] {
        var length = compressBound(uLong(data.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = compress2(&output, &length, data, uLong(data.count), Z_BEST_COMPRESSION)
        precondition(status == Z_OK, "zlib compress2 failed")
        return Array(output[0..<Int(length)])
    }
}

extension PDFBuilder {
    /// A hybrid invoice: catalog 1, pages 2, an embedded file 5 named `attachmentName` under /EmbeddedFiles
    /// (through a name tree with a kid, 6) and, if `associated`, in /AF.
    static func hybrid(xml: [UInt8], attachmentName: String, associated: Bool, compress: Bool) -> PDFBuilder {
        var builder = PDFBuilder()
        let af = associated ? " /AF [4 0 R]" : ""
        builder.add(1, "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 6 0 R >>\(af) >>")
        builder.add(2, "<< /Type /Pages /Kids [] /Count 0 >>")
        builder.add(4, "<< /Type /Filespec /F (\(attachmentName)) /EF << /F 5 0 R >> /AFRelationship /Alternative >>")
        builder.add(6, "<< /Kids [7 0 R] >>")
        builder.add(7, "<< /Limits [(a) (z)] /Names [(\(attachmentName)) 4 0 R] >>")
        builder.addStream(
            5,
            dictionary: "/Type /EmbeddedFile /Subtype /text#2Fxml",
            data: xml,
            compress: compress,
            indirectLength: true
        )
        return builder
    }
}
