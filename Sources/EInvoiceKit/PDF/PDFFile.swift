/// A parsed PDF file: its cross-reference and on-demand access to its objects.
///
/// Used by one reader at a time (it caches decoded object streams). Resolution is bounded: reference chains,
/// object stream indices and decoded sizes cannot make it loop or grow without limit.
final class PDFFile {
    static let maximumReferenceChain = 32

    let bytes: [UInt8]
    let limits: EInvoiceReader.Limits
    private(set) var crossReference = PDFCrossReference()
    private var objectStreams: [Int: (bytes: [UInt8], offsets: [Int: Int])] = [:]
    /// The objects being read right now, innermost last: reading one may need another (an indirect `/Length`, the
    /// object stream that holds it), and a file can make that need circular.
    private var objectsInProgress: [Int] = []

    init(bytes: [UInt8], limits: EInvoiceReader.Limits) throws(EInvoiceError) {
        self.bytes = bytes
        self.limits = limits
        crossReference = try PDFCrossReference(file: self)
        if crossReference.trailer["Encrypt"] != nil {
            throw EInvoiceError(.encryptedPDF, detail: "The PDF is encrypted.")
        }
    }

    /// The document catalog (`/Root`).
    func catalog() throws(EInvoiceError) -> [String: PDFObject] {
        guard let root = try resolve(crossReference.trailer["Root"] ?? .null).dictionary else {
            throw .malformedPDF("The PDF has no document catalog.")
        }
        return root
    }

    /// Follows references until a direct object; an unknown reference is `null` (ISO 32000-1 §7.3.10).
    func resolve(_ object: PDFObject) throws(EInvoiceError) -> PDFObject {
        var current = object
        for _ in 0..<Self.maximumReferenceChain {
            guard case .reference(let reference) = current else { return current }
            current = try self.object(reference)
        }
        throw .malformedPDF("A reference chain does not end.")
    }

    private func object(_ reference: PDFReference) throws(EInvoiceError) -> PDFObject {
        guard !objectsInProgress.contains(reference.number), objectsInProgress.count < Self.maximumReferenceChain
        else {
            throw .malformedPDF("Objects depend on each other in a cycle.")
        }
        objectsInProgress.append(reference.number)
        defer { objectsInProgress.removeLast() }
        switch crossReference.entries[reference.number] ?? .free {
        case .offset(let offset):
            let (found, object) = try readIndirectObject(at: offset)
            guard found.number == reference.number else {
                throw .malformedPDF("The xref points at the wrong object.")
            }
            return object
        case .compressed(let streamNumber, let index):
            return try compressedObject(reference.number, streamNumber: streamNumber, index: index)
        case .free:
            return .null
        }
    }

    /// Reads `n g obj … endobj` at `offset`, including a stream body.
    func readIndirectObject(at offset: Int) throws(EInvoiceError) -> (PDFReference, PDFObject) {
        guard offset >= 0, offset < bytes.count else { throw .malformedPDF("An object offset is outside the file.") }
        var parser = PDFObjectParser(bytes: bytes, position: offset)
        guard let number = parser.readInteger(), let generation = parser.readInteger(), parser.consumeKeyword("obj")
        else {
            throw .malformedPDF("No object header at an xref offset.")
        }
        let reference = PDFReference(number: number, generation: generation)
        let object = try parser.readObject()
        guard case .dictionary(let dictionary) = object, parser.consumeKeyword("stream") else {
            return (reference, object)
        }
        return (reference, .stream(try readStreamBody(dictionary, parser: &parser)))
    }

    /// Reads a stream's bytes after the `stream` keyword, `/Length` (possibly indirect) first.
    private func readStreamBody(
        _ dictionary: [String: PDFObject],
        parser: inout PDFObjectParser
    ) throws(EInvoiceError)
        -> PDFStream
    {
        var start = parser.position
        if start < bytes.count, bytes[start] == 0x0D { start += 1 }
        if start < bytes.count, bytes[start] == 0x0A { start += 1 }
        let declaredLength: Int?
        if case .reference = dictionary["Length"] {
            declaredLength = try? resolve(dictionary["Length"] ?? .null).integer
        } else {
            declaredLength = dictionary["Length"]?.integer
        }
        if let length = declaredLength, length >= 0, length <= bytes.count - start {
            var end = PDFObjectParser(bytes: bytes, position: start + length)
            if end.consumeKeyword("endstream") {
                return PDFStream(dictionary: dictionary, data: bytes[start..<(start + length)])
            }
        }
        // A wrong /Length is common: the stream then ends before the `endstream` keyword.
        guard let end = firstIndex(of: Array("endstream".utf8), from: start) else {
            throw .malformedPDF("A stream has no end (truncated?).")
        }
        var dataEnd = end
        if dataEnd > start, bytes[dataEnd - 1] == 0x0A { dataEnd -= 1 }
        if dataEnd > start, bytes[dataEnd - 1] == 0x0D { dataEnd -= 1 }
        return PDFStream(dictionary: dictionary, data: bytes[start..<dataEnd])
    }

    private func firstIndex(of pattern: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], bytes[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    /// An object stored in an object stream (ISO 32000-1 §7.5.7).
    private func compressedObject(_ number: Int, streamNumber: Int, index: Int) throws(EInvoiceError) -> PDFObject {
        if objectStreams[streamNumber] == nil {
            guard case .stream(let stream) = try object(PDFReference(number: streamNumber, generation: 0)),
                stream.dictionary["Type"]?.name == "ObjStm",
                let count = stream.dictionary["N"]?.integer, let first = stream.dictionary["First"]?.integer,
                (0...bytes.count).contains(first)
            else {
                throw .malformedPDF("An object stream is missing or invalid.")
            }
            let data = try decodedData(of: stream)
            var header = PDFObjectParser(bytes: data, position: 0)
            var offsets: [Int: Int] = [:]
            for _ in 0..<max(0, count) {
                guard let objectNumber = header.readInteger(), let offset = header.readInteger() else {
                    throw .malformedPDF("An object stream header is unreadable.")
                }
                offsets[objectNumber] = first + offset
            }
            objectStreams[streamNumber] = (data, offsets)
        }
        guard let (data, offsets) = objectStreams[streamNumber], let offset = offsets[number], offset < data.count
        else {
            return .null
        }
        var parser = PDFObjectParser(bytes: data, position: offset)
        return try parser.readObject()
    }

    /// A stream's data with its filters undone.
    func decodedData(of stream: PDFStream) throws(EInvoiceError) -> [UInt8] {
        try PDFStreamDecoder(file: self, limits: limits).decode(stream)
    }
}
