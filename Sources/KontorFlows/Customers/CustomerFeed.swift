import KontorCore

/// The tenant's change feed of lexoffice-side customer changes, a port the store implements. Entries are
/// appended under the job's claim; the tenant's jobs run one at a time, so a tenant's entries commit in cursor
/// order and a source polling after a cursor never misses one.
package protocol CustomerFeed: Sendable {
    /// The source customer linked to the lexoffice contact, or `nil`.
    func customer(linkedTo lexofficeID: String, of tenant: TenantID) async throws -> StoredCustomer?

    /// Appends the change and tells the source (`customer.changed`, the entry as payload) in the same commit,
    /// unless the feed's latest entry for the contact holds the same content.
    /// - Returns: whether it was appended.
    @discardableResult
    func offer(_ change: NewCustomerChange, of tenant: TenantID, under claim: JobClaim) async throws -> Bool

    /// Removes the link to a contact deleted in lexoffice; its source customer waits in `conflict` until the
    /// source sends it again or retries (a new contact is created then).
    func unlink(lexofficeID: String, of tenant: TenantID, under claim: JobClaim) async throws

    /// The tenant's first sync, or `nil` when none was started.
    func firstSync(of tenant: TenantID) async throws -> FirstSyncProgress?

    /// Offers the page's `changes` (each as ``offer(_:of:under:)`` would) and records that the first sync read
    /// `page` of `totalPages`, in one commit; it is finished when `page` was the last, unless `scanFrom` names the
    /// customer number to go on from (``FirstSyncProgress/scanNumber``).
    /// - Returns: how many changes were appended.
    @discardableResult
    func recordFirstSyncPage(
        _ page: Int,
        of totalPages: Int,
        offering changes: [NewCustomerChange],
        scanFrom: Int?,
        tenant: TenantID,
        under claim: JobClaim
    ) async throws -> Int

    /// Offers `change` (if any) and records that the first sync looked up customer `number` (the next is
    /// `number + 1`) with `misses` misses in a row, finished or not, in one commit; nothing when another run
    /// recorded that number already.
    func recordFirstSyncLookup(
        _ number: Int,
        misses: Int,
        finished: Bool,
        offering change: NewCustomerChange?,
        tenant: TenantID,
        under claim: JobClaim
    ) async throws

    /// The customer numbers of the contacts the tenant's current first sync offered so far.
    func firstSyncCustomerNumbers(of tenant: TenantID) async throws -> Set<Int>
}
