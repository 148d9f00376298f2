import LexofficeKit

/// The steps of invoice transfers: each write of an invoice runs exactly once (``StepRunner``), its steps kept
/// with the invoice under the job's claim.
struct TransferStepRunner: Sendable {
    let records: any TransferRecords
    /// The lease the job runs under.
    let claim: JobClaim
    let runner: StepRunner

    /// The lexoffice id the step of `invoice` produced (see ``StepRunner/run(_:fingerprint:in:find:send:)``).
    func run(
        _ name: TransferStep.Name,
        fingerprint: String,
        of invoice: StoredSourceInvoice,
        find: @Sendable (TransferStep) async throws -> LexofficeID?,
        send: @Sendable () async throws -> LexofficeID
    ) async throws -> LexofficeID {
        try await runner.run(
            name,
            fingerprint: fingerprint,
            in: InvoiceStepJournal(records: records, invoice: invoice, claim: claim),
            find: find,
            send: send
        )
    }
}

/// An invoice's steps in the transfer records.
private struct InvoiceStepJournal: StepJournal {
    let records: any TransferRecords
    let invoice: StoredSourceInvoice
    let claim: JobClaim

    func steps() async throws -> [TransferStep] { try await records.steps(of: invoice) }

    func recordIntent(_ name: TransferStep.Name, fingerprint: String) async throws {
        try await records.recordIntent(name, fingerprint: fingerprint, of: invoice, under: claim)
    }

    func recordDone(_ name: TransferStep.Name, lexofficeID: String, note: String?) async throws {
        try await records.recordDone(name, lexofficeID: lexofficeID, note: note, of: invoice, under: claim)
    }
}
