extension FlowProblem.Code {
    /// The archive's backfill range holds more documents than lexoffice lists (10,000 per query).
    package static let backfillTooLarge = Self("backfill-too-large")
}
