import KontorCore

/// The storage an invoice transfer works on (DESIGN.md §5), a port the store implements: the invoices, their steps
/// (intent before a write, done after it), contact links, and the end of a transfer with its activity entry and
/// callback. Every write names the job's ``JobClaim`` and commits only while the claim still holds the tenant's
/// lease; otherwise it throws ``FlowProblem`` ``FlowProblem/Code/leaseLost`` and changes nothing.
package protocol TransferRecords: ContactLinks, StepRecords<StoredSourceInvoice> {
    /// The tenant's invoice `sourceID`, or `nil`.
    func invoice(_ sourceID: String, of tenant: TenantID) async throws -> StoredSourceInvoice?

    /// The tenant's invoice whose lexoffice document is `lexofficeID`, or `nil`.
    func invoice(lexofficeID: String, of tenant: TenantID) async throws -> StoredSourceInvoice?

    /// Takes the invoice for an attempt (``TransferTransition/begin``); `nil` when there is nothing to transfer.
    func begin(_ sourceID: String, of tenant: TenantID, under claim: JobClaim) async throws -> StoredSourceInvoice?

    /// Ends the transfer as `transferred` (``TransferTransition/complete``) with its activity entry and callback.
    func complete(_ invoice: StoredSourceInvoice, with result: TransferResult, under claim: JobClaim) async throws

    /// Ends the transfer as `failed` (``TransferTransition/fail``) for `reason`, with activity entry and callback.
    func fail(_ sourceID: String, of tenant: TenantID, reason: String, under claim: JobClaim) async throws

    /// Ends the transfer as `skipped` (``TransferTransition/skip``) for `reason`, with activity entry and callback.
    func skip(_ sourceID: String, of tenant: TenantID, reason: String, under claim: JobClaim) async throws

    /// Whether `lexofficeID` is already the result of one of the tenant's transfer steps.
    func isRecorded(_ lexofficeID: String, of tenant: TenantID) async throws -> Bool

    /// Stores the number and status of a transferred draft finalized in lexoffice and tells the source.
    /// - Returns: `false` when no transferred draft of the tenant has that lexoffice id.
    @discardableResult
    func recordFinalization(
        lexofficeID: String,
        voucherNumber: String?,
        status: String,
        of tenant: TenantID,
        under claim: JobClaim
    ) async throws -> Bool
}

/// The tenants as a flow reads them, a port the store implements.
package protocol TenantLookup: Sendable {
    /// The tenant `id`, or `nil`.
    func tenant(_ id: TenantID) async throws -> Tenant?
}
