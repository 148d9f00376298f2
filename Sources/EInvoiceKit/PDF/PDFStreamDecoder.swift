/// Undoes a stream's filters (ISO 32000-1 §7.4): `FlateDecode` with or without a PNG predictor.
///
/// The e-invoice attachments, xref streams and object streams that matter here use nothing else; another filter is
/// reported as ``EInvoiceError/Code/unsupportedPDFFilter``.
struct PDFStreamDecoder {
    let file: PDFFile
    let limits: EInvoiceReader.Limits

    func decode(_ stream: PDFStream) throws(EInvoiceError) -> [UInt8] {
        let filters = try list(stream.dictionary["Filter"])
        let parameters = try list(stream.dictionary["DecodeParms"] ?? stream.dictionary["DP"])
        var data = Array(stream.data)
        for (position, filter) in filters.enumerated() {
            let parameter = position < parameters.count ? try file.resolve(parameters[position]).dictionary : nil
            switch filter.name {
            case "FlateDecode", "Fl":
                data = try FlateDecoder.inflate(data, maximumSize: limits.maximumDecodedStreamBytes)
                data = try PNGPredictor(parameters: parameter ?? [:]).undo(data)
            default:
                throw EInvoiceError(
                    .unsupportedPDFFilter,
                    detail: "A stream uses a filter this reader does not decode."
                )
            }
        }
        return data
    }

    /// A single object or an array, as `/Filter` and `/DecodeParms` allow, resolved.
    private func list(_ object: PDFObject?) throws(EInvoiceError) -> [PDFObject] {
        guard let object else { return [] }
        switch try file.resolve(object) {
        case .array(let elements):
            var resolved: [PDFObject] = []
            for element in elements { resolved.append(try file.resolve(element)) }
            return resolved
        case .null: return []
        case let single: return [single]
        }
    }
}
