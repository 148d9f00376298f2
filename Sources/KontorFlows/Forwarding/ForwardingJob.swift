/// The queued request to forward one received document (job kind ``jobKind``); `sourceId` is the document's id.
package struct ForwardingJob: SourceRecordJob, Equatable {
    /// The job kind.
    package static let jobKind = "document.forward"
    package static let dedupePrefix = "forward"
    /// The id of the document (the hub's, not the source's `externalId`).
    package var sourceId: String

    /// A request for the document `sourceID`.
    package init(sourceID: String) {
        self.sourceId = sourceID
    }
}
