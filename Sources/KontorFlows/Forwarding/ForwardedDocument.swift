import Foundation
import KontorCore

/// A document a partner posted to a tenant's inbox for forwarding into lexoffice, as the store keeps it (without
/// its bytes, which are read on their own: ``ForwardingRecords/content(of:)``).
package struct ForwardedDocument: Sendable, Equatable {
    /// The hub's id of the document (a UUID), used in the API's paths.
    package var id: String
    /// The order of receipt, for cursors.
    package var sequence: Int64
    /// The tenant.
    package var tenantID: TenantID
    /// The source's id of the document; unique per tenant.
    package var externalID: String
    /// Received or issued by the tenant's company.
    package var direction: DocumentDirection
    /// When the source approved (incoming) or sent (outgoing) it; compared with the tenant's `activeSince`.
    package var releasedAt: Date
    /// A note from the source, shown with the document.
    package var note: String?
    /// The file name the source sent.
    package var fileName: String
    /// The media type the content was recognized as (`application/pdf`, `application/xml`, `image/png`, …).
    package var mediaType: String
    /// The SHA-256 of the content, hex.
    package var sha256: String
    /// The content's length in bytes.
    package var size: Int
    /// Where forwarding stands.
    package var state: ForwardingState
    /// Why the document is skipped or failed, or how it was forwarded (e.g. uploaded as a file because its totals
    /// do not reconcile).
    package var reason: String?
    /// The lexoffice bookkeeping voucher the document became (or that lexoffice created for an uploaded file).
    package var voucherID: String?
    /// The lexoffice file id of the original.
    package var fileID: String?
    /// When the hub received it.
    package var receivedAt: Date
    /// When its state last changed.
    package var updatedAt: Date

    /// A stored document.
    package init(
        id: String,
        sequence: Int64,
        tenantID: TenantID,
        externalID: String,
        direction: DocumentDirection,
        releasedAt: Date,
        note: String?,
        fileName: String,
        mediaType: String,
        sha256: String,
        size: Int,
        state: ForwardingState,
        reason: String?,
        voucherID: String?,
        fileID: String?,
        receivedAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.sequence = sequence
        self.tenantID = tenantID
        self.externalID = externalID
        self.direction = direction
        self.releasedAt = releasedAt
        self.note = note
        self.fileName = fileName
        self.mediaType = mediaType
        self.sha256 = sha256
        self.size = size
        self.state = state
        self.reason = reason
        self.voucherID = voucherID
        self.fileID = fileID
        self.receivedAt = receivedAt
        self.updatedAt = updatedAt
    }
}
