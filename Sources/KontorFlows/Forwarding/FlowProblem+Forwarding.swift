extension FlowProblem.Code {
    /// The document was approved or sent before the tenant's forwarding was activated.
    package static let beforeActivation = Self("before-activation")
    /// The stored document's bytes are missing.
    package static let documentMissing = Self("document-missing")
}
