import Foundation

/// Refuses a UTF-8 document whose bytes are not valid UTF-8 before the parser sees it.
///
/// FoundationXML's `XMLParser` traps (ending the process) when libxml2 hands it text that is not valid UTF-8, as in a
/// comment of a document that claims UTF-8 but holds Latin-1 bytes. A document in another declared encoding, or in
/// UTF-16 (with a byte order mark), is transcoded by libxml2 and left alone.
enum XMLEncodingCheck {
    static func checkUTF8(_ data: Data) throws(EInvoiceError) {
        guard declaresUTF8(data), String(data: data, encoding: .utf8) == nil else { return }
        throw EInvoiceError(.malformedXML, detail: "The XML is not valid UTF-8.")
    }

    /// Whether the document is UTF-8 by its byte order mark, its declaration or the XML default (no declaration).
    private static func declaresUTF8(_ data: Data) -> Bool {
        let head = [UInt8](data.prefix(256))
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) { return false }
        let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        guard body.starts(with: Array("<?xml".utf8)), let end = body.firstIndex(of: UInt8(ascii: ">")) else {
            return true
        }
        let declaration = String(decoding: body[..<end], as: UTF8.self).lowercased()
        guard let range = declaration.range(of: "encoding") else { return true }
        let value = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        return value.hasPrefix("utf-8") || value.hasPrefix("utf8")
    }
}
