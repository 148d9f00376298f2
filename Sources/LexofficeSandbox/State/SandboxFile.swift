import Foundation
import LexofficeKit

/// A stored receipt: uploaded to `/v1/files` or attached to a bookkeeping voucher, always owned by one voucher.
struct SandboxFile: Codable, Sendable {
    /// The kinds of file lexoffice accepts for bookkeeping vouchers.
    enum Kind: String, Codable, Sendable {
        case pdf
        case jpg
        case png
        case xml

        /// The kind named by a file name's extension (`jpeg` counts as `jpg`); `nil` for anything else.
        init?(fileName: String) {
            guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
            let fileExtension = fileName[fileName.index(after: dot)...].lowercased()
            self.init(rawValue: fileExtension == "jpeg" ? "jpg" : fileExtension)
        }

        /// The `Content-Type` of a download.
        var mediaType: String {
            switch self {
            case .pdf: "application/pdf"
            case .jpg: "image/jpeg"
            case .png: "image/png"
            case .xml: "application/xml"
            }
        }
    }

    var id: LexofficeID
    var kind: Kind
    /// The file name the client sent (downloads are named `{id}.{ext}` instead).
    var originalName: String
    var data: Data
    /// The SHA-256 of ``data``, for deduplication.
    var checksum: ContentChecksum
    /// The bookkeeping voucher the file belongs to.
    var voucherID: LexofficeID
    var createdDate: LexofficeDateTime

    /// The download name lexoffice sends in `Content-Disposition`: `{id}.{ext}`.
    var downloadName: String { "\(id).\(kind.rawValue)" }
}
