import Foundation
import KontorCore

/// The storage the forwarding flow works on, a port the store implements: the tenants' forwarding settings, the
/// received documents with their bytes, their steps (intent before a write, done after it) and their end. Every
/// write names the job's ``JobClaim`` and commits only while the claim still holds the tenant's lease; otherwise it
/// throws ``FlowProblem`` ``FlowProblem/Code/leaseLost`` and changes nothing.
package protocol ForwardingRecords: StepRecords<ForwardedDocument> {
    /// The tenant's forwarding settings (defaults when none were stored).
    func settings(of tenant: TenantID) async throws -> ForwardingSettings

    /// The tenant's document `id`, or `nil`.
    func document(_ id: String, of tenant: TenantID) async throws -> ForwardedDocument?

    /// The document's bytes, or `nil` when they are gone.
    func content(of document: ForwardedDocument) async throws -> Data?

    /// Whether `lexofficeID` is already the result of a step of another of the tenant's documents.
    func isRecorded(_ lexofficeID: String, of tenant: TenantID) async throws -> Bool

    /// What became of another of the tenant's documents with the same content (SHA-256) that is `forwarded`: its
    /// voucher and file ids; `nil` when there is none.
    func forwardedContent(sha256: String, of tenant: TenantID) async throws -> ForwardingOutcome?

    /// Ends the document as `forwarded` with `outcome`, with an activity entry.
    func complete(_ document: ForwardedDocument, with outcome: ForwardingOutcome, under claim: JobClaim) async throws

    /// Ends the document in `state` (``ForwardingState/skipped`` or ``ForwardingState/failed``) for `reason`, with
    /// an activity entry.
    func end(
        _ document: ForwardedDocument,
        in state: ForwardingState,
        reason: String,
        under claim: JobClaim
    ) async throws

    /// Notes on a `pending` document why it waits (e.g. forwarding is switched off); its state stays.
    func noteWaiting(_ document: ForwardedDocument, reason: String, under claim: JobClaim) async throws
}
