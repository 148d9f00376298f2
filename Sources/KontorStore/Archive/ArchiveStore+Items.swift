import Foundation
import KontorCore
import KontorFlows
import LexofficeKit
import SQLKit

extension ArchiveStore {
    /// The tenant's items after item id `after` (the cursor), in id order, `state` only if given.
    package func items(
        of tenant: TenantID,
        state: ArchiveItemState?,
        after: Int64?,
        limit: Int
    ) async throws -> [ArchiveItem] {
        var query: SQLQueryString =
            "SELECT * FROM archive_items WHERE tenant_id = \(bind: tenant.rawValue) AND id > \(bind: after ?? 0)"
        if let state { query += " AND state = \(bind: state.rawValue)" }
        query += " ORDER BY id LIMIT \(literal: max(1, min(limit, 500)))"
        let finalQuery = query
        return try await database.read { db in
            try await db.raw(finalQuery).all().map(ArchiveItem.init(row:))
        }
    }

    /// How many of the tenant's items are in each state.
    package func counts(of tenant: TenantID) async throws -> [ArchiveItemState: Int] {
        try await database.read { db in
            var counts: [ArchiveItemState: Int] = [:]
            let rows = try await db.raw(
                """
                SELECT state, COUNT(*) AS n FROM archive_items WHERE tenant_id = \(bind: tenant.rawValue) \
                GROUP BY state
                """
            ).all()
            for row in rows {
                guard let state = ArchiveItemState(rawValue: try row.decode(column: "state", as: String.self))
                else { continue }
                counts[state] = try row.decode(column: "n", as: Int.self)
            }
            return counts
        }
    }

    /// Queues the item again (a retry by hand, e.g. after the sink settings were fixed), as asked for explicitly:
    /// the archive's `activeSince` does not apply; `nil` for an unknown item.
    /// - Throws: ``StoreError`` `invalid-state` for an item that is archived and not failed since.
    package func retry(_ id: Int64, of tenant: TenantID) async throws -> ArchiveItem? {
        let now = queue.clock.nowMilliseconds
        return try await database.groupedTransaction { [queue] db in
            guard
                let item = try await db.raw(
                    "SELECT * FROM archive_items WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)"
                ).first().map(ArchiveItem.init(row:))
            else { return nil }
            guard item.state != .archived else {
                throw StoreError(.invalidState, "the document is archived; a status change in lexoffice updates it")
            }
            // Asked for by hand: archived even if dated before activeSince (drafts stay skipped).
            let request = ArchiveRequest(lexofficeID: item.lexofficeID, type: item.type, isBackfill: true)
            try await db.raw(
                """
                UPDATE archive_items SET state = 'pending', reason = NULL, updated_at = \(bind: now) \
                WHERE id = \(bind: id)
                """
            ).run()
            _ = try await queue.enqueue(try request.newJob(for: tenant, trigger: "retry-\(now)"), in: db)
            var retried = item
            retried.state = .pending
            retried.reason = nil
            return retried
        }
    }

    /// Starts (or starts over) the tenant's backfill of documents dated `from` through `to` and queues its job.
    /// - Throws: ``StoreError`` `invalid-state` while another backfill of the tenant runs.
    package func startBackfill(
        from: PlainDate,
        to: PlainDate,
        of tenant: TenantID
    ) async throws -> ArchiveBackfillProgress {
        let now = queue.clock.nowMilliseconds
        return try await database.groupedTransaction { [queue] db in
            let running = try await db.raw(
                """
                SELECT 1 AS running FROM archive_backfills WHERE tenant_id = \(bind: tenant.rawValue) \
                AND finished_at IS NULL
                """
            ).first()
            guard running == nil else {
                throw StoreError(.invalidState, "a backfill of this tenant is running; wait until it finished")
            }
            try await db.raw(
                """
                INSERT INTO archive_backfills (tenant_id, date_from, date_to, started_at, next_page, total_pages, \
                queued, finished_at) VALUES (\(bind: tenant.rawValue), \(bind: from.description), \
                \(bind: to.description), \(bind: now), 0, NULL, 0, NULL) \
                ON CONFLICT (tenant_id) DO UPDATE SET date_from = excluded.date_from, date_to = excluded.date_to, \
                window_from = NULL, window_to = NULL, started_at = excluded.started_at, next_page = 0, \
                total_pages = NULL, queued = 0, finished_at = NULL
                """
            ).run()
            _ = try await queue.enqueue(
                NewJob(
                    tenantID: tenant,
                    kind: ArchiveBackfill.jobKind,
                    dedupeKey: "archive-backfill:\(tenant.rawValue):\(now)"
                ),
                in: db
            )
            return ArchiveBackfillProgress(
                from: from,
                to: to,
                startedAt: Date(millisecondsSince1970: now),
                nextPage: 0,
                totalPages: nil,
                queued: 0,
                finishedAt: nil
            )
        }
    }
}
