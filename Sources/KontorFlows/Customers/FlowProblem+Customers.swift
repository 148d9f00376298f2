extension FlowProblem.Code {
    /// lexoffice's contact changed between each read and write of a sync (a retry later reads it again).
    package static let contactKeptChanging = Self("contact-kept-changing")
}
