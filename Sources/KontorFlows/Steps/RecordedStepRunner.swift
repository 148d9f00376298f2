import LexofficeKit

/// The steps of a flow's subjects (source invoices, forwarded documents): each write for a subject runs exactly once
/// (``StepRunner``), its steps kept with the subject in its records under the job's claim.
struct RecordedStepRunner<Subject: Sendable>: Sendable {
    let records: any StepRecords<Subject>
    /// The lease the job runs under.
    let claim: JobClaim
    let runner: StepRunner

    /// Steps kept in `records` (an existential of a flow's records is opened here), under `claim`, run by `runner`.
    init(records: some StepRecords<Subject>, claim: JobClaim, runner: StepRunner) {
        self.records = records
        self.claim = claim
        self.runner = runner
    }

    /// The lexoffice id the step of `subject` produced (see ``StepRunner/run(_:fingerprint:in:find:send:)``).
    func run(
        _ name: TransferStep.Name,
        fingerprint: String,
        of subject: Subject,
        find: @Sendable (TransferStep) async throws -> LexofficeID?,
        send: @Sendable () async throws -> LexofficeID
    ) async throws -> LexofficeID {
        try await runner.run(
            name,
            fingerprint: fingerprint,
            in: RecordedStepJournal(records: records, subject: subject, claim: claim),
            find: find,
            send: send
        )
    }
}

/// The steps of invoice transfers.
typealias TransferStepRunner = RecordedStepRunner<StoredSourceInvoice>

/// The steps of forwardings.
typealias DocumentStepRunner = RecordedStepRunner<ForwardedDocument>
