/// Records that keep the steps of one kind of subject (a source invoice, a customer, a forwarded document), so that
/// each of its writes to lexoffice runs exactly once (``StepRunner``).
package protocol StepRecords<Subject>: Sendable {
    /// What the steps belong to.
    associatedtype Subject: Sendable

    /// The subject's steps, in the order they were first recorded.
    func steps(of subject: Subject) async throws -> [TransferStep]

    /// Records that the step's request is about to be sent; committed before it goes out.
    func recordIntent(
        _ name: TransferStep.Name,
        fingerprint: String,
        of subject: Subject,
        under claim: JobClaim
    ) async throws

    /// Records what lexoffice created (or changed) for the step.
    func recordDone(
        _ name: TransferStep.Name,
        lexofficeID: String,
        note: String?,
        of subject: Subject,
        under claim: JobClaim
    ) async throws
}

/// One subject's steps in its records, written under the job's claim.
struct RecordedStepJournal<Subject: Sendable>: StepJournal {
    let records: any StepRecords<Subject>
    let subject: Subject
    let claim: JobClaim

    /// The steps of `subject` in `records` (an existential of a flow's records is opened here).
    init(records: some StepRecords<Subject>, subject: Subject, claim: JobClaim) {
        self.records = records
        self.subject = subject
        self.claim = claim
    }

    func steps() async throws -> [TransferStep] { try await records.steps(of: subject) }

    func recordIntent(_ name: TransferStep.Name, fingerprint: String) async throws {
        try await records.recordIntent(name, fingerprint: fingerprint, of: subject, under: claim)
    }

    func recordDone(_ name: TransferStep.Name, lexofficeID: String, note: String?) async throws {
        try await records.recordDone(name, lexofficeID: lexofficeID, note: note, of: subject, under: claim)
    }
}
