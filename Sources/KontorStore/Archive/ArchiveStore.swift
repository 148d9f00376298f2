import Foundation
import KontorCore
import KontorFlows
import LexofficeKit
import SQLKit

/// The tenants' archives (`archive_settings`, `archive_items`, `archive_backfills`), the store's side of the
/// ``ArchiveRecords`` port. The sinks' settings hold credentials and are sealed with the ``SecretBox`` like lexoffice
/// credentials.
package struct ArchiveStore: ArchiveRecords {
    /// The queue the archive's jobs go to; its database holds the archive.
    package let queue: JobQueue
    let secrets: SecretBox

    /// The archives in `queue`'s database, sinks sealed with `secrets`.
    package init(queue: JobQueue, secrets: SecretBox) {
        self.queue = queue
        self.secrets = secrets
    }

    var database: any StoreDatabase { queue.database }

    /// The sealing context of a tenant's sinks, so a sealed value copied to another tenant does not open.
    static func context(_ tenant: TenantID) -> String { "tenant:\(tenant.rawValue)/archive-sinks" }

    package func settings(of tenant: TenantID) async throws -> ArchiveSettings? {
        let row = try await database.read { db in
            try await db.raw("SELECT * FROM archive_settings WHERE tenant_id = \(bind: tenant.rawValue)").first()
        }
        guard let row else { return nil }
        let types = try row.decode(column: "document_types", as: String.self)
        let sealed = try row.decode(column: "sinks", as: String.self)
        let sinks = try secrets.open(sealed, context: Self.context(tenant))
        return ArchiveSettings(
            isActive: try row.decode(column: "is_active", as: Bool.self),
            activeSince: try row.decode(column: "active_since", as: Int64?.self).map(Date.init(millisecondsSince1970:)),
            documentTypes: try KontorJSON.decoder().decode([ArchiveDocumentType].self, from: Data(types.utf8)),
            sinks: try KontorJSON.decoder().decode([ArchiveSinkSettings].self, from: Data(sinks.utf8))
        )
    }

    package func item(_ lexofficeID: String, of tenant: TenantID) async throws -> ArchiveItem? {
        try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM archive_items WHERE tenant_id = \(bind: tenant.rawValue) \
                AND lexoffice_id = \(bind: lexofficeID)
                """
            ).first().map(ArchiveItem.init(row:))
        }
    }

    package func request(
        _ request: ArchiveRequest,
        of tenant: TenantID,
        trigger: String,
        under claim: JobClaim
    ) async throws {
        let kind = database.kind
        let now = queue.clock.nowMilliseconds
        let job = try request.newJob(for: tenant, trigger: trigger)
        try await database.groupedTransaction { [queue] db in
            try await claim.verify(for: tenant, in: db, kind: kind)
            try await Self.upsertPending(request, of: tenant, at: now, in: db)
            try await db.raw(
                """
                UPDATE archive_items SET state = 'pending', reason = NULL, updated_at = \(bind: now) \
                WHERE tenant_id = \(bind: tenant.rawValue) AND lexoffice_id = \(bind: request.lexofficeId) \
                AND state <> 'archived'
                """
            ).run()
            _ = try await queue.enqueue(job, in: db)
        }
    }

    package func beginAttempt(_ request: ArchiveRequest, of tenant: TenantID, under claim: JobClaim) async throws {
        let kind = database.kind
        let now = queue.clock.nowMilliseconds
        try await database.groupedTransaction { db in
            try await claim.verify(for: tenant, in: db, kind: kind)
            try await Self.upsertPending(request, of: tenant, at: now, in: db)
            try await db.raw(
                """
                UPDATE archive_items SET attempts = attempts + 1, updated_at = \(bind: now) \
                WHERE tenant_id = \(bind: tenant.rawValue) AND lexoffice_id = \(bind: request.lexofficeId)
                """
            ).run()
        }
    }

    package func record(
        _ update: ArchiveItemUpdate,
        for request: ArchiveRequest,
        of tenant: TenantID,
        under claim: JobClaim
    ) async throws {
        let kind = database.kind
        let now = queue.clock.nowMilliseconds
        let keys = try update.keys.map { try KontorJSON.text(of: $0) }
        try await database.groupedTransaction { db in
            try await claim.verify(for: tenant, in: db, kind: kind)
            try await Self.upsertPending(request, of: tenant, at: now, in: db)
            try await db.raw(
                """
                UPDATE archive_items SET state = \(bind: update.state.rawValue), reason = \(bind: update.reason), \
                document_number = COALESCE(\(bind: update.number), document_number), \
                sink_keys = COALESCE(\(bind: keys), sink_keys), \
                document_status = COALESCE(\(bind: update.documentStatus), document_status), \
                fingerprint = COALESCE(\(bind: update.fingerprint), fingerprint), \
                sinks_digest = COALESCE(\(bind: update.sinksDigest), sinks_digest), updated_at = \(bind: now) \
                WHERE tenant_id = \(bind: tenant.rawValue) AND lexoffice_id = \(bind: request.lexofficeId)
                """
            ).run()
        }
    }

    package func backfill(of tenant: TenantID) async throws -> ArchiveBackfillProgress? {
        try await database.read { db in
            try await db.raw("SELECT * FROM archive_backfills WHERE tenant_id = \(bind: tenant.rawValue)").first()
                .map(ArchiveBackfillProgress.init(row:))
        }
    }

    package func recordBackfillPage(
        _ page: Int,
        of totalPages: Int,
        in window: ArchiveBackfillWindow,
        requests: [ArchiveRequest],
        then next: ArchiveBackfillWindow?,
        tenant: TenantID,
        under claim: JobClaim
    ) async throws {
        let kind = database.kind
        let now = queue.clock.nowMilliseconds
        let isLastPage = page + 1 >= totalPages
        let finished: Int64? = isLastPage && next == nil ? now : nil
        let following = isLastPage ? next ?? window : window
        try await database.groupedTransaction { [queue] db in
            try await claim.verify(for: tenant, in: db, kind: kind)
            guard
                let row = try await db.raw(
                    """
                    SELECT started_at FROM archive_backfills WHERE tenant_id = \(bind: tenant.rawValue) \
                    AND next_page = \(bind: page) AND \(Self.isWindow(window))
                    """
                ).first()
            else { return }
            let started = try row.decode(column: "started_at", as: Int64.self)
            for request in requests {
                try await Self.upsertPending(request, of: tenant, at: now, in: db)
            }
            try await queue.enqueue(
                contentsOf: try requests.map { try $0.newJob(for: tenant, trigger: "backfill-\(started)") },
                in: db
            )
            try await db.raw(
                """
                UPDATE archive_backfills SET next_page = \(bind: isLastPage && next != nil ? 0 : page + 1), \
                total_pages = \(bind: isLastPage && next != nil ? nil : totalPages), \
                window_from = \(bind: following.from.description), window_to = \(bind: following.to.description), \
                queued = queued + \(bind: requests.count), finished_at = \(bind: finished) \
                WHERE tenant_id = \(bind: tenant.rawValue) AND next_page = \(bind: page)
                """
            ).run()
        }
    }

    package func narrowBackfill(
        _ window: ArchiveBackfillWindow,
        to narrower: ArchiveBackfillWindow,
        tenant: TenantID,
        under claim: JobClaim
    ) async throws {
        let kind = database.kind
        try await database.groupedTransaction { db in
            try await claim.verify(for: tenant, in: db, kind: kind)
            try await db.raw(
                """
                UPDATE archive_backfills SET window_from = \(bind: narrower.from.description), \
                window_to = \(bind: narrower.to.description), total_pages = NULL \
                WHERE tenant_id = \(bind: tenant.rawValue) AND next_page = 0 AND finished_at IS NULL \
                AND \(Self.isWindow(window))
                """
            ).run()
        }
    }

    /// The condition that the backfill's current window is `window` (no window stored means the whole range).
    private static func isWindow(_ window: ArchiveBackfillWindow) -> SQLQueryString {
        """
        COALESCE(window_from, date_from) = \(bind: window.from.description) \
        AND COALESCE(window_to, date_to) = \(bind: window.to.description)
        """
    }

    /// Creates the item `pending` if missing; an existing one not archived becomes `pending` again (an archived
    /// one stays archived until its attempt finds something new).
    static func upsertPending(
        _ request: ArchiveRequest,
        of tenant: TenantID,
        at now: Int64,
        in db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO archive_items (tenant_id, lexoffice_id, document_type, state, sink_keys, attempts, \
            created_at, updated_at) VALUES (\(bind: tenant.rawValue), \(bind: request.lexofficeId), \
            \(bind: request.type.rawValue), 'pending', '[]', 0, \(bind: now), \(bind: now)) \
            ON CONFLICT (tenant_id, lexoffice_id) DO NOTHING
            """
        ).run()
    }
}
