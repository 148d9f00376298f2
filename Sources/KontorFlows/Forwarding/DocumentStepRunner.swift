import LexofficeKit

/// The steps of a forwarding: each write for a document runs exactly once (``StepRunner``), its steps kept with
/// the document under the job's claim.
struct DocumentStepRunner: Sendable {
    let records: any ForwardingRecords
    /// The lease the job runs under.
    let claim: JobClaim
    let runner: StepRunner

    /// The lexoffice id the step of `document` produced (see ``StepRunner/run(_:fingerprint:in:find:send:)``).
    func run(
        _ name: TransferStep.Name,
        fingerprint: String,
        of document: ForwardedDocument,
        find: @Sendable (TransferStep) async throws -> LexofficeID?,
        send: @Sendable () async throws -> LexofficeID
    ) async throws -> LexofficeID {
        try await runner.run(
            name,
            fingerprint: fingerprint,
            in: DocumentStepJournal(records: records, document: document, claim: claim),
            find: find,
            send: send
        )
    }
}

/// A document's steps in the forwarding records.
private struct DocumentStepJournal: StepJournal {
    let records: any ForwardingRecords
    let document: ForwardedDocument
    let claim: JobClaim

    func steps() async throws -> [TransferStep] { try await records.steps(of: document) }

    func recordIntent(_ name: TransferStep.Name, fingerprint: String) async throws {
        try await records.recordIntent(name, fingerprint: fingerprint, of: document, under: claim)
    }

    func recordDone(_ name: TransferStep.Name, lexofficeID: String, note: String?) async throws {
        try await records.recordDone(name, lexofficeID: lexofficeID, note: note, of: document, under: claim)
    }
}
