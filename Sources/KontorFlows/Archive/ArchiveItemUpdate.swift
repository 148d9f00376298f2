/// What an archive attempt found out about an item: its new state and what it learned of the document.
package struct ArchiveItemUpdate: Sendable, Hashable {
    /// The new state.
    package var state: ArchiveItemState
    /// Why (skipped, failed, waiting), for people; `nil` once archived.
    package var reason: String?
    /// The document number, if read.
    package var number: String?
    /// The keys written per sink (archived only).
    package var keys: [[ArchiveWrittenKey]]?
    /// The status the written sidecar holds (archived only).
    package var documentStatus: String?
    /// The written sidecar's SHA-256 (archived only).
    package var fingerprint: String?
    /// The sinks' digest (archived only).
    package var sinksDigest: String?

    /// An update.
    package init(
        state: ArchiveItemState,
        reason: String? = nil,
        number: String? = nil,
        keys: [[ArchiveWrittenKey]]? = nil,
        documentStatus: String? = nil,
        fingerprint: String? = nil,
        sinksDigest: String? = nil
    ) {
        self.state = state
        self.reason = reason
        self.number = number
        self.keys = keys
        self.documentStatus = documentStatus
        self.fingerprint = fingerprint
        self.sinksDigest = sinksDigest
    }
}
