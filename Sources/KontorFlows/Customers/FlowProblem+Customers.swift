extension FlowProblem.Code {
    /// lexoffice's contact changed between each read and write of a sync (a retry later reads it again).
    package static let contactKeptChanging = Self("contact-kept-changing")
    /// The first sync reached the end of what lexoffice lists (10,000 entries).
    package static let firstSyncTooLarge = Self("first-sync-too-large")
}
