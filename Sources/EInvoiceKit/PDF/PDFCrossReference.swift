/// Where each object of a PDF is: at a byte offset, or inside an object stream (ISO 32000-1 §7.5.4, §7.5.8).
enum PDFCrossReferenceEntry: Sendable {
    case free
    case offset(Int)
    case compressed(streamNumber: Int, index: Int)
}

/// The merged cross-reference of a PDF and its trailer, newest revision first (incremental updates append
/// revisions that chain back with `/Prev`).
struct PDFCrossReference: Sendable {
    static let maximumSections = 256
    /// The highest object number ISO 32000-1 (Annex C) allows.
    static let maximumObjectNumber = 8_388_607

    var entries: [Int: PDFCrossReferenceEntry] = [:]
    var trailer: [String: PDFObject] = [:]

    /// An empty cross-reference, in which no object resolves: what a file has while its cross-reference is read.
    init() {}

    /// Reads the chain of sections starting at the offset after `startxref`.
    init(file: PDFFile) throws(EInvoiceError) {
        var pending = [try Self.startOffset(file.bytes)]
        var visited: Set<Int> = []
        while let offset = pending.popLast() {
            guard visited.insert(offset).inserted else { continue }
            guard visited.count <= Self.maximumSections else { throw .malformedPDF("The xref chain is too long.") }
            let sectionTrailer = try readSection(at: offset, file: file)
            trailer.merge(sectionTrailer) { newer, _ in newer }
            // The older revision goes below the hybrid file's xref stream, so that the stream is read first.
            if let previous = sectionTrailer["Prev"]?.integer { pending.append(previous) }
            if let stream = sectionTrailer["XRefStm"]?.integer { pending.append(stream) }
        }
    }

    /// The offset that the last `startxref` keyword names.
    private static func startOffset(_ bytes: [UInt8]) throws(EInvoiceError) -> Int {
        let keyword = Array("startxref".utf8)
        let lowerBound = max(0, bytes.count - 2048)
        var index = bytes.count - keyword.count
        while index >= lowerBound {
            if bytes[index] == keyword[0], bytes[index..<index + keyword.count].elementsEqual(keyword) {
                var parser = PDFObjectParser(bytes: bytes, position: index + keyword.count)
                if let offset = parser.readInteger(), offset < bytes.count { return offset }
                break
            }
            index -= 1
        }
        throw .malformedPDF("The PDF has no valid startxref (truncated?).")
    }

    /// Reads one section (a table and its trailer, or an xref stream) and returns its trailer dictionary.
    private mutating func readSection(at offset: Int, file: PDFFile) throws(EInvoiceError) -> [String: PDFObject] {
        var parser = PDFObjectParser(bytes: file.bytes, position: offset)
        if parser.consumeKeyword("xref") {
            return try readTable(&parser)
        }
        let (_, object) = try file.readIndirectObject(at: offset)
        guard case .stream(let stream) = object, stream.dictionary["Type"]?.name == "XRef" else {
            throw .malformedPDF("startxref points at neither an xref table nor an xref stream.")
        }
        try readStream(stream, file: file)
        return stream.dictionary
    }

    private mutating func readTable(_ parser: inout PDFObjectParser) throws(EInvoiceError) -> [String: PDFObject] {
        while !parser.consumeKeyword("trailer") {
            guard let first = parser.readInteger(), let count = parser.readInteger() else {
                throw .malformedPDF("An xref table subsection header is unreadable.")
            }
            for number in first..<(first + count) {
                guard let offset = parser.readInteger(), parser.readInteger() != nil else {
                    throw .malformedPDF("An xref table entry is unreadable.")
                }
                let isInUse = parser.consumeKeyword("n")
                guard isInUse || parser.consumeKeyword("f") else { throw .malformedPDF("An xref entry has no type.") }
                if entries[number] == nil { entries[number] = isInUse ? .offset(offset) : .free }
            }
        }
        guard case .dictionary(let trailer) = try parser.readObject() else {
            throw .malformedPDF("The trailer is not a dictionary.")
        }
        return trailer
    }

    private mutating func readStream(_ stream: PDFStream, file: PDFFile) throws(EInvoiceError) {
        let widths = stream.dictionary["W"]?.array?.compactMap(\.integer) ?? []
        guard widths.count == 3, widths.allSatisfy({ (0...8).contains($0) }), widths[1] > 0 else {
            throw .malformedPDF("An xref stream has an invalid /W.")
        }
        let size = stream.dictionary["Size"]?.integer ?? 0
        let index = stream.dictionary["Index"]?.array?.compactMap(\.integer) ?? [0, size]
        // Object numbers and counts beyond a PDF's own limit (8 388 607 objects) are corrupt, and would overflow.
        guard index.count % 2 == 0, index.allSatisfy({ (0...Self.maximumObjectNumber).contains($0) }) else {
            throw .malformedPDF("An xref stream has an invalid /Index.")
        }
        let data = try file.decodedData(of: stream)
        let rowLength = widths.reduce(0, +)
        var row = 0
        for pair in stride(from: 0, to: index.count, by: 2) {
            for number in index[pair]..<(index[pair] + index[pair + 1]) {
                let start = row * rowLength
                guard start + rowLength <= data.count else { throw .malformedPDF("An xref stream is too short.") }
                var fields = [Int](repeating: 0, count: 3)
                var cursor = start
                for (field, width) in widths.enumerated() {
                    for _ in 0..<width {
                        fields[field] = fields[field] << 8 | Int(data[cursor])
                        cursor += 1
                    }
                }
                if widths[0] == 0 { fields[0] = 1 }
                row += 1
                guard entries[number] == nil else { continue }
                switch fields[0] {
                case 0: entries[number] = .free
                case 1: entries[number] = .offset(fields[1])
                case 2: entries[number] = .compressed(streamNumber: fields[1], index: fields[2])
                default: continue  // reserved types are treated as null objects
                }
            }
        }
    }
}
