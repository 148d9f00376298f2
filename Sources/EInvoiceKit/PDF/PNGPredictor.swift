/// Undoes the PNG predictors that `FlateDecode` may use (`/Predictor` 10…15), typically on xref streams.
struct PNGPredictor {
    let predictor: Int
    let bytesPerPixel: Int
    let rowLength: Int

    init(parameters: [String: PDFObject]) {
        predictor = parameters["Predictor"]?.integer ?? 1
        // Clamped to what ISO 32000-1 allows (at most 32 colours, 16 bits), so that hostile values cannot overflow.
        let colors = min(32, max(1, parameters["Colors"]?.integer ?? 1))
        let bitsPerComponent = min(16, max(1, parameters["BitsPerComponent"]?.integer ?? 8))
        let columns = min(Self.maximumColumns, max(1, parameters["Columns"]?.integer ?? 1))
        bytesPerPixel = max(1, (colors * bitsPerComponent + 7) / 8)
        rowLength = (colors * bitsPerComponent * columns + 7) / 8
    }

    /// More columns than any xref stream or image needs; a row is then at most 64 MiB.
    static let maximumColumns = 1 << 20

    func undo(_ data: [UInt8]) throws(EInvoiceError) -> [UInt8] {
        guard predictor >= 10 else {
            guard predictor == 1 else {
                throw EInvoiceError(.unsupportedPDFFilter, detail: "A stream uses the TIFF predictor.")
            }
            return data
        }
        var output: [UInt8] = []
        output.reserveCapacity(data.count)
        var previous = [UInt8](repeating: 0, count: rowLength)
        var position = 0
        while position < data.count {
            let type = data[position]
            position += 1
            var row = [UInt8](repeating: 0, count: rowLength)
            let available = min(rowLength, data.count - position)
            for index in 0..<available {
                let raw = data[position + index]
                let left = index >= bytesPerPixel ? row[index - bytesPerPixel] : 0
                let up = previous[index]
                let upLeft = index >= bytesPerPixel ? previous[index - bytesPerPixel] : 0
                switch type {
                case 0: row[index] = raw
                case 1: row[index] = raw &+ left
                case 2: row[index] = raw &+ up
                case 3: row[index] = raw &+ UInt8((Int(left) + Int(up)) / 2)
                case 4: row[index] = raw &+ Self.paeth(left, up, upLeft)
                default: throw .malformedPDF("A PNG-predicted row has an unknown filter type.")
                }
            }
            position += available
            output.append(contentsOf: row[0..<available])
            previous = row
        }
        return output
    }

    private static func paeth(_ left: UInt8, _ up: UInt8, _ upLeft: UInt8) -> UInt8 {
        let estimate = Int(left) + Int(up) - Int(upLeft)
        let distanceLeft = abs(estimate - Int(left))
        let distanceUp = abs(estimate - Int(up))
        let distanceUpLeft = abs(estimate - Int(upLeft))
        if distanceLeft <= distanceUp && distanceLeft <= distanceUpLeft { return left }
        return distanceUp <= distanceUpLeft ? up : upLeft
    }
}
