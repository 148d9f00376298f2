import Crypto
import Foundation
import KontorCore

/// A document received for forwarding (hub API or drop folder), checked, before it is stored.
package struct IncomingDocument: Sendable {
    /// The tenant.
    package var tenantID: TenantID
    /// The source's id of the document.
    package var externalID: String
    /// Received or issued by the tenant's company.
    package var direction: DocumentDirection
    /// When the source approved or sent it.
    package var releasedAt: Date
    /// A note from the source.
    package var note: String?
    /// The file name the source sent.
    package var fileName: String
    /// The media type the content was recognized as.
    package var mediaType: String
    /// The bytes.
    package var content: Data
    /// The SHA-256 of ``content``, hex.
    package var sha256: String

    /// A received document.
    package init(
        tenantID: TenantID,
        externalID: String,
        direction: DocumentDirection,
        releasedAt: Date,
        note: String?,
        fileName: String,
        mediaType: String,
        content: Data
    ) {
        self.tenantID = tenantID
        self.externalID = externalID
        self.direction = direction
        self.releasedAt = releasedAt
        self.note = note
        self.fileName = fileName
        self.mediaType = mediaType
        self.content = content
        sha256 = SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
    }
}

/// What storing a received document did.
package enum DocumentIntake: Sendable, Equatable {
    /// A new document was stored and its forwarding queued.
    case created(ForwardedDocument)
    /// The same `externalId` with the same content was received before; nothing changed.
    case unchanged(ForwardedDocument)

    /// The document as stored.
    package var document: ForwardedDocument {
        switch self {
        case .created(let document), .unchanged(let document): document
        }
    }
}

/// Where received documents are stored for forwarding, a port the store implements.
package protocol DocumentInbox: Sendable {
    /// Stores `incoming` and queues its forwarding, or recognizes it as received before.
    /// - Throws: the store's errors for an unknown tenant and for an `externalId` received before with other
    ///   content (``DocumentInbox/isDuplicate(_:)`` tells the latter).
    func receive(_ incoming: IncomingDocument) async throws -> DocumentIntake

    /// Whether `error`, thrown by ``receive(_:)``, says the `externalId` was received before with other content.
    func isDuplicate(_ error: any Error) -> Bool
}

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
