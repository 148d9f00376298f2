/// The steps of what a flow works on (an invoice, a customer), kept by the store: intent before a write, done
/// after it. Every record is committed under the job's claim (a lost lease throws ``FlowProblem``
/// ``FlowProblem/Code/leaseLost`` and writes nothing).
protocol StepJournal: Sendable {
    /// The steps, in the order they were first recorded.
    func steps() async throws -> [TransferStep]

    /// Records that the step's request is about to be sent; committed before it goes out.
    func recordIntent(_ name: TransferStep.Name, fingerprint: String) async throws

    /// Records what lexoffice created (or changed) for the step.
    func recordDone(_ name: TransferStep.Name, lexofficeID: String, note: String?) async throws
}
