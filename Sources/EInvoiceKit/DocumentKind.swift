import Foundation

/// Tells PDF from XML by their first bytes.
enum DocumentKind {
    /// A PDF header within the first KiB (ISO 32000-1 tolerates leading bytes before `%PDF-`).
    static func isPDF(_ data: Data) -> Bool {
        let head = [UInt8](data.prefix(1024))
        let marker = Array("%PDF-".utf8)
        guard head.count >= marker.count else { return false }
        return (0...(head.count - marker.count)).contains { head[$0..<$0 + marker.count].elementsEqual(marker) }
    }

    /// Starts, after a byte order mark and whitespace, with `<` (in UTF-8 or UTF-16).
    static func isXML(_ data: Data) -> Bool {
        let head = [UInt8](data.prefix(64))
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) { return true }
        let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head[...]
        return body.first { !PDFObjectParser.isWhitespace($0) } == UInt8(ascii: "<")
    }
}
