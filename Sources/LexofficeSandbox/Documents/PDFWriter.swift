import Foundation

/// Writes a minimal, uncompressed PDF 1.4 file: A4 pages with text in the standard fonts Helvetica and
/// Helvetica-Bold, and thin lines.
///
/// Coordinates are points (1/72 inch) from the bottom-left corner of the page. Text is encoded in
/// `WinAnsiEncoding` (Windows-1252), so German umlauts, `ß` and `€` print; characters outside it print as `?`.
/// The output is deterministic: no creation date, no document id. Drawing needs a page: call ``addPage()`` first.
struct PDFWriter: Sendable {
    /// The two standard fonts every PDF reader has built in; nothing is embedded.
    enum Font: Sendable {
        case regular
        case bold

        fileprivate var resourceName: String { self == .regular ? "F1" : "F2" }
        fileprivate var widths: [UInt16] { self == .regular ? helveticaWidths : helveticaBoldWidths }
    }

    /// The width of an A4 page in points.
    static let pageWidth = 595.0
    /// The height of an A4 page in points.
    static let pageHeight = 842.0

    /// The document title shown by PDF readers.
    var title: String?
    /// The content stream of each page; pure ASCII because ``encodedLiteral(_:)`` escapes every other byte.
    private var pages: [String] = []
    /// The page that drawing goes to (0-based).
    private(set) var currentPage = 0

    init(title: String? = nil) {
        self.title = title
    }

    /// The number of pages added so far.
    var pageCount: Int { pages.count }

    /// Appends an empty page and makes it the current one.
    mutating func addPage() {
        pages.append("")
        currentPage = pages.count - 1
    }

    /// Makes an existing page the current one, for example to add page numbers once all pages exist.
    mutating func selectPage(_ index: Int) {
        precondition(pages.indices.contains(index), "no page \(index)")
        currentPage = index
    }

    /// Draws `text` on one line with its baseline starting at (`x`, `y`); `gray` 0 is black, 1 white.
    mutating func drawText(
        _ text: String,
        x: Double,
        y: Double,
        font: Font = .regular,
        size: Double = 10,
        gray: Double = 0
    ) {
        let literal = Self.encodedLiteral(text)
        append(
            "BT /\(font.resourceName) \(Self.number(size)) Tf \(Self.number(gray)) g "
                + "\(Self.number(x)) \(Self.number(y)) Td \(literal) Tj ET\n"
        )
    }

    /// Draws `text` on one line so that it ends at `rightEdge`.
    mutating func drawText(
        _ text: String,
        endingAt rightEdge: Double,
        y: Double,
        font: Font = .regular,
        size: Double = 10,
        gray: Double = 0
    ) {
        let x = rightEdge - Self.width(of: text, font: font, size: size)
        drawText(text, x: x, y: y, font: font, size: size, gray: gray)
    }

    /// Draws a straight line from (`x1`, `y1`) to (`x2`, `y2`).
    mutating func drawLine(
        fromX x1: Double,
        y y1: Double,
        toX x2: Double,
        y y2: Double,
        width: Double = 0.5,
        gray: Double = 0
    ) {
        let from = "\(Self.number(x1)) \(Self.number(y1))"
        let to = "\(Self.number(x2)) \(Self.number(y2))"
        append("q \(Self.number(width)) w \(Self.number(gray)) G \(from) m \(to) l S Q\n")
    }

    /// The advance width of `text` in points, from the Adobe font metrics of the standard font.
    static func width(of text: String, font: Font, size: Double) -> Double {
        let widths = font.widths
        let units = winAnsiBytes(text).reduce(0) { sum, byte in
            sum + Int(byte >= 32 ? widths[Int(byte) - 32] : 0)
        }
        return Double(units) * size / 1000
    }

    /// `text` in Windows-1252 bytes: `€` is `0x80`, `ä` `0xE4`; no-break spaces become spaces, other control
    /// characters spaces too, and characters the encoding lacks `?`.
    static func winAnsiBytes(_ text: String) -> [UInt8] {
        text.precomposedStringWithCanonicalMapping.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x20...0x7E, 0xA1...0xFF: UInt8(scalar.value)
            case 0x00...0x1F, 0x7F, 0xA0, 0x2007, 0x202F: 0x20
            default: windows1252Extras[scalar.value] ?? 0x3F
            }
        }
    }

    /// The finished PDF file; a document without pages gets one empty page.
    func pdfData() -> Data {
        let pageContents = pages.isEmpty ? [""] : pages
        let fixedObjects = 5  // catalog, page tree, two fonts, info
        let pageObjectNumbers = pageContents.indices.map { fixedObjects + 1 + 2 * $0 }
        let kids = pageObjectNumbers.map { "\($0) 0 R" }.joined(separator: " ")
        let size = "\(Self.number(Self.pageWidth)) \(Self.number(Self.pageHeight))"
        var objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [\(kids)] /Count \(pageContents.count) >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
            "<< /Producer (Kontor LexofficeSandbox)\(title.map { " /Title \(Self.textString($0))" } ?? "") >>",
        ]
        for (content, number) in zip(pageContents, pageObjectNumbers) {
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(size)] /Resources << /Font << /F1 3 0 R "
                    + "/F2 4 0 R >> /ProcSet [/PDF /Text] >> /Contents \(number + 1) 0 R >>"
            )
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        }

        // The second line marks the file as binary for transfer programs, as the PDF specification recommends.
        var file = Data("%PDF-1.4\n%".utf8) + Data([0xE2, 0xE3, 0xCF, 0xD3, 0x0A])
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(file.count)
            file.append(contentsOf: "\(index + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let crossReference = file.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            table += Self.zeroPadded(offset, width: 10) + " 00000 n \n"  // every entry is exactly 20 bytes
        }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R /Info 5 0 R >>\n"
        table += "startxref\n\(crossReference)\n%%EOF\n"
        file.append(contentsOf: table.utf8)
        return file
    }

    private mutating func append(_ operators: String) {
        precondition(!pages.isEmpty, "call addPage() before drawing")
        pages[currentPage] += operators
    }

    /// A PDF literal string of `text`'s WinAnsi bytes: `(`, `)` and `\` escaped, bytes outside printable ASCII as
    /// octal escapes, so that content streams stay ASCII.
    static func encodedLiteral(_ text: String) -> String {
        var literal = "("
        for byte in winAnsiBytes(text) {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
                literal += "\\" + String(UnicodeScalar(byte))
            case 0x20...0x7E:
                literal += String(UnicodeScalar(byte))
            default:
                literal += "\\" + zeroPadded(Int(byte), width: 3, radix: 8)
            }
        }
        return literal + ")"
    }

    /// A text string (for the document information) in UTF-16BE with byte order mark, as a hex string.
    private static func textString(_ text: String) -> String {
        let hex = text.utf16.map { zeroPadded(Int($0), width: 4, radix: 16) }.joined()
        return "<FEFF\(hex)>"
    }

    /// `value` with at most two decimals and a point, independent of the locale (`12.5`, `-3`, `56.69`).
    private static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths) / 100
        let fraction = abs(hundredths) % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        let digits = zeroPadded(fraction, width: 2)
        return "\(sign)\(whole).\(digits.hasSuffix("0") ? String(digits.prefix(1)) : digits)"
    }

    private static func zeroPadded(_ value: Int, width: Int, radix: Int = 10) -> String {
        let digits = String(value, radix: radix, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Windows-1252 codes 0x80–0x9F, which differ from Latin-1.
private let windows1252Extras: [UInt32: UInt8] = [
    0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
    0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
    0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
    0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
]

/// Helvetica advance widths (1/1000 em) for WinAnsi codes 32–255, from Adobe's core font metrics.
private let helveticaWidths: [UInt16] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 350,
    556, 350, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350,
    350, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 350, 500, 667,
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
]

/// Helvetica-Bold advance widths (1/1000 em) for WinAnsi codes 32–255, from Adobe's core font metrics.
private let helveticaBoldWidths: [UInt16] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 350,
    556, 350, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350,
    350, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 350, 500, 667,
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
]
