import Foundation
import KontorCore

/// The storage the customer sync works on, a port the store implements: the source's customers, their steps
/// (intent before a create, done after it), the links to lexoffice contacts, and the end of a sync with its
/// activity entry and callbacks. Every write names the job's ``JobClaim`` and commits only while the claim still
/// holds the tenant's lease; otherwise it throws ``FlowProblem`` ``FlowProblem/Code/leaseLost``. The create step
/// (``TransferStep/Name/contact``) keeps its `done` record; an update step starts over each time.
package protocol CustomerRecords: ContactLinks, StepRecords<StoredCustomer> {
    /// The tenant's customer `sourceID`, or `nil`.
    func customer(_ sourceID: String, of tenant: TenantID) async throws -> StoredCustomer?

    /// When the hub last learned of a change of the lexoffice contact made in lexoffice (its latest change feed
    /// entry), or `nil`.
    func lexofficeChangedAt(_ lexofficeID: String, of tenant: TenantID) async throws -> Date?

    /// Ends a sync of `customer` as `synced`: `agreed` is what both sides hold now (the base of the next merge);
    /// `writtenAt` lexoffice's `updatedDate` of the hub's write in this sync, if it wrote. The `conflicts` the
    /// tenant's policy settled go into the activity log with both values and to the source (`customer.conflict`).
    /// When `agreed` differs from what the source sent (lexoffice's side won or added members), it goes on the
    /// change feed too (`changed`, `customer.changed`), so the source takes it. A customer the source changed
    /// meanwhile stays `pending` (its new job syncs it).
    func completeSync(
        _ customer: StoredCustomer,
        agreed: CanonicalCustomer,
        conflicts: [CustomerFieldConflict],
        writtenAt: Date?,
        under claim: JobClaim
    ) async throws

    /// Ends a sync of the tenant's customer `sourceID` in `state` (``CustomerSyncState/conflict`` or
    /// ``CustomerSyncState/failed``) for `reason`, with an activity entry and, for a conflict, `customer.conflict`.
    func hold(
        _ sourceID: String,
        of tenant: TenantID,
        in state: CustomerSyncState,
        reason: String,
        under claim: JobClaim
    ) async throws
}
