import KontorCore

/// The archive's items, settings and backfill progress as the archive flow uses them, a port the store implements.
/// Writes that name a claim commit only while the tenant's lease is still that claim's.
package protocol ArchiveRecords: Sendable {
    /// The tenant's archive settings (secrets opened), or `nil` when never configured.
    func settings(of tenant: TenantID) async throws -> ArchiveSettings?

    /// The tenant's item for a lexoffice document, or `nil`.
    func item(_ lexofficeID: String, of tenant: TenantID) async throws -> ArchiveItem?

    /// Creates the item if missing (else sets it `pending` again unless it is archived) and queues its job, in one
    /// commit.
    func request(_ request: ArchiveRequest, of tenant: TenantID, trigger: String, under claim: JobClaim) async throws

    /// Counts an attempt of the item (created `pending` if missing).
    func beginAttempt(_ request: ArchiveRequest, of tenant: TenantID, under claim: JobClaim) async throws

    /// Records what an attempt found.
    func record(
        _ update: ArchiveItemUpdate,
        for request: ArchiveRequest,
        of tenant: TenantID,
        under claim: JobClaim
    ) async throws

    /// The tenant's backfill, or `nil` when none was started.
    func backfill(of tenant: TenantID) async throws -> ArchiveBackfillProgress?

    /// Queues the documents of backfill page `page` (of `totalPages`) and records the page as read, in one commit;
    /// the backfill is finished when `page` was the last.
    func recordBackfillPage(
        _ page: Int,
        of totalPages: Int,
        requests: [ArchiveRequest],
        tenant: TenantID,
        under claim: JobClaim
    ) async throws
}
