/// The queued request to transfer one stored source invoice (job kind ``jobKind``).
package struct TransferJob: SourceRecordJob, Equatable {
    /// The job kind.
    package static let jobKind = "invoice.transfer"
    package static let dedupePrefix = "transfer"
    /// The source id of the invoice to transfer.
    package var sourceId: String

    /// A request for `sourceID`.
    package init(sourceID: String) {
        self.sourceId = sourceID
    }
}
