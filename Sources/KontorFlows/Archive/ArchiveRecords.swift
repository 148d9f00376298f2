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

    /// Queues the documents of page `page` (of `totalPages`) of backfill window `window` and records the page as
    /// read, in one commit; after the window's last page the backfill goes on with `next`, or is finished without.
    /// A page recorded before (a retry after a crash) changes nothing.
    func recordBackfillPage(
        _ page: Int,
        of totalPages: Int,
        in window: ArchiveBackfillWindow,
        requests: [ArchiveRequest],
        then next: ArchiveBackfillWindow?,
        tenant: TenantID,
        under claim: JobClaim
    ) async throws

    /// Replaces the backfill's window `window`, not read yet, by the smaller `narrower` (a window with too many
    /// documents is split).
    func narrowBackfill(
        _ window: ArchiveBackfillWindow,
        to narrower: ArchiveBackfillWindow,
        tenant: TenantID,
        under claim: JobClaim
    ) async throws
}
