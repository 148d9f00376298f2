import Foundation

/// The media types forwarding takes, recognized by content (not by name).
package enum DocumentMediaType {
    /// `application/pdf`, `image/png`, `image/jpeg` or `application/xml` by the bytes' signature; `nil` otherwise.
    package static func of(_ data: Data) -> String? {
        let head = [UInt8](data.prefix(1024))
        if head.firstRange(of: Array("%PDF-".utf8)) != nil { return "application/pdf" }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        if body.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "<") {
            return "application/xml"
        }
        return nil
    }

    /// lexoffice's limit for a receipt: 5 MB.
    package static let maximumBytes = 5 * 1024 * 1024
}
