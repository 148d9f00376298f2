/// The queued request to sync one stored source customer into lexoffice (job kind ``jobKind``).
package struct CustomerSyncJob: SourceRecordJob, Equatable {
    /// The job kind.
    package static let jobKind = "customer.sync"
    package static let dedupePrefix = "customer"
    /// The source id of the customer.
    package var sourceId: String

    /// A request for `sourceID`.
    package init(sourceID: String) {
        self.sourceId = sourceID
    }
}
