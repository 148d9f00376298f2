extension FlowProblem.Code {
    /// A single day of the archive's backfill holds as many documents as lexoffice lists of one query (10,000), so
    /// its window cannot be split further.
    package static let backfillTooLarge = Self("backfill-too-large")
}
