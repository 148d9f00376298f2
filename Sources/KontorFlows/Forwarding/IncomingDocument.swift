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
