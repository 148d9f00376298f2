extension FlowProblem.Code {
    /// The stored document's bytes are missing.
    package static let documentMissing = Self("document-missing")
}
