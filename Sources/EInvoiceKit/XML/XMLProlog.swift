import Foundation

/// Reads the prolog of an XML document (everything before the root element) to refuse a document type declaration.
///
/// E-invoice schemas use no DTD. Refusing it up front means no entity, internal or external, can ever be declared,
/// so neither XXE nor entity expansion ("billion laughs") reaches the parser.
enum XMLProlog {
    static func checkHasNoDocumentType(_ data: Data) throws(EInvoiceError) {
        let bytes = prologBytes(data)
        var index = bytes.startIndex
        func hasPrefix(_ prefix: String) -> Bool { bytes[index...].starts(with: prefix.utf8) }
        func skip(past terminator: String) -> Bool {
            let pattern = Array(terminator.utf8)
            while index < bytes.endIndex {
                if bytes[index...].starts(with: pattern) {
                    index += pattern.count
                    return true
                }
                index += 1
            }
            return false
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
            } else if hasPrefix("<?") {
                guard skip(past: "?>") else { return }
            } else if hasPrefix("<!--") {
                guard skip(past: "-->") else { return }
            } else if hasPrefix("<!") {
                throw EInvoiceError(.forbiddenDTD, detail: "The XML has a document type declaration.")
            } else {
                return  // the root element (or not XML at all, which the parser reports)
            }
        }
    }

    /// The document's bytes as ASCII-compatible text: UTF-16 is narrowed to its low bytes, a BOM is dropped.
    private static func prologBytes(_ data: Data) -> [UInt8] {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            let isBigEndian = bytes[0] == 0xFE
            return stride(from: 2, to: bytes.count - 1, by: 2).map { isBigEndian ? bytes[$0 + 1] : bytes[$0] }
        }
        return bytes
    }
}
