import Foundation

/// One lexoffice document in a tenant's archive: its state, why, and what was written where.
package struct ArchiveItem: Sendable, Hashable {
    /// The item's id (the API's handle for a retry).
    package var id: Int64
    /// The document's lexoffice id.
    package var lexofficeID: String
    /// The document type.
    package var type: ArchiveDocumentType
    /// The document number, once read.
    package var number: String?
    /// Where it stands.
    package var state: ArchiveItemState
    /// Why it is skipped, failed or waiting, for people.
    package var reason: String?
    /// The keys written, per sink in the configured order.
    package var keys: [[ArchiveWrittenKey]]
    /// The lexoffice status the written sidecar holds (`open`, `paid`, `voided` …).
    package var documentStatus: String?
    /// The SHA-256 of the written sidecar.
    package var fingerprint: String?
    /// The SHA-256 of the sinks (without secrets) it was written to.
    package var sinksDigest: String?
    /// How many archive attempts ran.
    package var attempts: Int
    /// When it last changed.
    package var updatedAt: Date

    /// An item as the store keeps it.
    package init(
        id: Int64,
        lexofficeID: String,
        type: ArchiveDocumentType,
        number: String?,
        state: ArchiveItemState,
        reason: String?,
        keys: [[ArchiveWrittenKey]],
        documentStatus: String?,
        fingerprint: String?,
        sinksDigest: String?,
        attempts: Int,
        updatedAt: Date
    ) {
        self.id = id
        self.lexofficeID = lexofficeID
        self.type = type
        self.number = number
        self.state = state
        self.reason = reason
        self.keys = keys
        self.documentStatus = documentStatus
        self.fingerprint = fingerprint
        self.sinksDigest = sinksDigest
        self.attempts = attempts
        self.updatedAt = updatedAt
    }
}
