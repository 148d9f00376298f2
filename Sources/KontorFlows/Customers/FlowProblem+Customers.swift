extension FlowProblem.Code {
    /// lexoffice's contact changed between each read and write of a sync (a retry later reads it again).
    package static let contactKeptChanging = Self("contact-kept-changing")
    /// The first sync asked for a page past lexoffice's list window (10,000 entries); it looks up by number there.
    package static let firstSyncTooLarge = Self("first-sync-too-large")
}
