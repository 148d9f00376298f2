import Foundation
import KontorCore
import KontorFlows
import SQLKit

/// The tenants' change feeds of lexoffice-side customer changes (`customer_changes`), the store's side of the
/// ``CustomerFeed`` port, and the feed as the hub API reads it.
package struct CustomerFeedStore: CustomerFeed {
    let queue: JobQueue
    private let outbox: CallbackOutbox
    private let activity: ActivityLog

    /// The feeds in `queue`'s database.
    package init(queue: JobQueue) {
        self.queue = queue
        outbox = CallbackOutbox(queue: queue)
        activity = ActivityLog(database: queue.database, clock: queue.clock)
    }

    private var database: any StoreDatabase { queue.database }

    package func customer(linkedTo lexofficeID: String, of tenant: TenantID) async throws -> StoredCustomer? {
        try await database.read { db in
            try await db.raw(
                """
                \(StoredCustomer.selection) WHERE c.tenant_id = \(bind: tenant.rawValue) \
                AND l.lexoffice_contact_id = \(bind: lexofficeID)
                """
            ).first().map(StoredCustomer.init(row:))
        }
    }

    @discardableResult
    package func offer(_ change: NewCustomerChange, of tenant: TenantID, under claim: JobClaim) async throws -> Bool {
        let kind = database.kind
        return try await database.groupedTransaction { [queue, outbox] db in
            try await claim.verify(for: tenant, in: db, kind: kind)
            return try await Self.append(change, of: tenant, at: queue.clock.now, outbox: outbox, in: db)
        }
    }

    /// Appends the change and its `customer.changed` callback in the caller's transaction, unless the feed's latest
    /// entry for the contact holds the same content; returns whether it was appended.
    static func append(
        _ change: NewCustomerChange,
        of tenant: TenantID,
        at now: Date,
        outbox: CallbackOutbox,
        in db: any SQLDatabase
    ) async throws -> Bool {
        let content = change.customer?.canonicalJSON
        let hash = content.map(SecureToken.sha256Hex)
        let latest = try await db.raw(
            """
            SELECT kind, content_hash FROM customer_changes WHERE tenant_id = \(bind: tenant.rawValue) \
            AND lexoffice_id = \(bind: change.lexofficeID) ORDER BY id DESC LIMIT 1
            """
        ).first()
        if let latest, try latest.decode(column: "content_hash", as: String?.self) == hash,
            try (latest.decode(column: "kind", as: String.self) == CustomerChangeKind.deleted.rawValue)
                == (change.kind == .deleted)
        {
            return false
        }
        guard
            let row = try await db.raw(
                """
                INSERT INTO customer_changes (tenant_id, lexoffice_id, kind, source_id, customer_number, content, \
                content_hash, recorded_at) VALUES (\(bind: tenant.rawValue), \(bind: change.lexofficeID), \
                \(bind: change.kind.rawValue), \(bind: change.sourceID), \(bind: change.customerNumber), \
                \(bind: content), \(bind: hash), \(bind: now.millisecondsSince1970)) RETURNING id
                """
            ).first()
        else { throw StoreError(.inconsistent, "the customer change was not stored") }
        let entry = CustomerChange(
            cursor: try row.decode(column: "id", as: Int64.self),
            change: change,
            recordedAt: Date(millisecondsSince1970: now.millisecondsSince1970)
        )
        try await outbox.enqueue("customer.changed", data: try KontorJSON.text(of: entry), for: tenant, in: db)
        return true
    }

    package func unlink(lexofficeID: String, of tenant: TenantID, under claim: JobClaim) async throws {
        let now = queue.clock.nowMilliseconds
        let kind = database.kind
        try await database.groupedTransaction { [activity] db in
            try await claim.verify(for: tenant, in: db, kind: kind)
            let unlinked = try await db.raw(
                """
                DELETE FROM contact_links WHERE tenant_id = \(bind: tenant.rawValue) \
                AND lexoffice_contact_id = \(bind: lexofficeID) RETURNING source_customer_id
                """
            ).all().map { try $0.decode(column: "source_customer_id", as: String.self) }
            for sourceID in unlinked {
                try await db.raw(
                    """
                    UPDATE source_customers SET sync_state = 'conflict', state_reason = \(bind: Self.deletedReason), \
                    synced_content = NULL, synced_hash = NULL, updated_at = \(bind: now) \
                    WHERE tenant_id = \(bind: tenant.rawValue) AND source_id = \(bind: sourceID)
                    """
                ).run()
                try await activity.append(
                    tenant,
                    kind: "customer.unlinked",
                    message: "source customer \(sourceID): \(Self.deletedReason)",
                    in: db
                )
            }
        }
    }

    private static let deletedReason =
        "its lexoffice contact was deleted in lexoffice; send the customer again or retry to create a new contact"

    package func firstSync(of tenant: TenantID) async throws -> FirstSyncProgress? {
        try await database.read { db in
            try await db.raw("SELECT * FROM customer_first_syncs WHERE tenant_id = \(bind: tenant.rawValue)").first()
                .map { row in
                    FirstSyncProgress(
                        startedAt: Date(millisecondsSince1970: try row.decode(column: "started_at", as: Int64.self)),
                        nextPage: try row.decode(column: "next_page", as: Int.self),
                        totalPages: try row.decode(column: "total_pages", as: Int?.self),
                        offered: try row.decode(column: "offered", as: Int.self),
                        finishedAt: try row.decode(column: "finished_at", as: Int64?.self)
                            .map(Date.init(millisecondsSince1970:)),
                        scanNumber: try row.decode(column: "scan_number", as: Int?.self),
                        scanMisses: try row.decode(column: "scan_misses", as: Int.self)
                    )
                }
        }
    }

    package func recordFirstSyncPage(
        _ page: Int,
        of totalPages: Int,
        offering changes: [NewCustomerChange],
        scanFrom: Int?,
        tenant: TenantID,
        under claim: JobClaim
    ) async throws -> Int {
        let now = queue.clock.now
        let kind = database.kind
        let finished: Int64? = page + 1 >= totalPages && scanFrom == nil ? now.millisecondsSince1970 : nil
        return try await database.groupedTransaction { [activity, outbox] db in
            try await claim.verify(for: tenant, in: db, kind: kind)
            var offered = 0
            for change in changes where try await Self.append(change, of: tenant, at: now, outbox: outbox, in: db) {
                offered += 1
            }
            try await db.raw(
                """
                UPDATE customer_first_syncs SET next_page = \(bind: page + 1), total_pages = \(bind: totalPages), \
                offered = offered + \(bind: offered), finished_at = \(bind: finished), \
                scan_number = \(bind: scanFrom), scan_misses = 0 \
                WHERE tenant_id = \(bind: tenant.rawValue) AND next_page = \(bind: page)
                """
            ).run()
            if finished != nil { try await Self.recordFinished(of: tenant, activity: activity, in: db) }
            return offered
        }
    }

    package func recordFirstSyncLookup(
        _ number: Int,
        misses: Int,
        finished: Bool,
        offering change: NewCustomerChange?,
        tenant: TenantID,
        under claim: JobClaim
    ) async throws {
        let now = queue.clock.now
        let kind = database.kind
        let finishedAt: Int64? = finished ? now.millisecondsSince1970 : nil
        try await database.groupedTransaction { [activity, outbox] db in
            try await claim.verify(for: tenant, in: db, kind: kind)
            let progress = try await db.raw(
                """
                SELECT scan_number FROM customer_first_syncs WHERE tenant_id = \(bind: tenant.rawValue) \
                AND finished_at IS NULL
                """
            ).first()
            let scanning = try progress?.decode(column: "scan_number", as: Int?.self) ?? nil
            guard let next = scanning, next <= number else { return }
            var offered = 0
            if let change, try await Self.append(change, of: tenant, at: now, outbox: outbox, in: db) { offered = 1 }
            try await db.raw(
                """
                UPDATE customer_first_syncs SET scan_number = \(bind: number + 1), scan_misses = \(bind: misses), \
                offered = offered + \(bind: offered), finished_at = \(bind: finishedAt) \
                WHERE tenant_id = \(bind: tenant.rawValue)
                """
            ).run()
            if finished { try await Self.recordFinished(of: tenant, activity: activity, in: db) }
        }
    }

    package func firstSyncCustomerNumbers(of tenant: TenantID) async throws -> Set<Int> {
        try await database.read { db in
            let rows = try await db.raw(
                """
                SELECT c.customer_number FROM customer_changes c JOIN customer_first_syncs f \
                ON f.tenant_id = c.tenant_id WHERE c.tenant_id = \(bind: tenant.rawValue) AND c.kind = 'existing' \
                AND c.recorded_at >= f.started_at AND c.customer_number IS NOT NULL
                """
            ).all()
            return Set(try rows.compactMap { Int(try $0.decode(column: "customer_number", as: String.self)) })
        }
    }

    /// The activity entry of a finished first sync.
    private static func recordFinished(of tenant: TenantID, activity: ActivityLog, in db: any SQLDatabase) async throws
    {
        try await activity.append(
            tenant,
            kind: "customer.first-sync",
            message: "the first customer sync offered lexoffice's customers on the change feed",
            in: db
        )
    }

    /// Starts (or starts over) the tenant's first sync and queues its job, in the caller's transaction.
    static func startFirstSync(
        of tenant: TenantID,
        trigger: String,
        queue: JobQueue,
        in db: any SQLDatabase
    )
        async throws
    {
        let now = queue.clock.nowMilliseconds
        try await db.raw(
            """
            INSERT INTO customer_first_syncs (tenant_id, started_at, next_page, offered) \
            VALUES (\(bind: tenant.rawValue), \(bind: now), 0, 0) ON CONFLICT (tenant_id) DO UPDATE SET \
            started_at = excluded.started_at, next_page = 0, total_pages = NULL, offered = 0, finished_at = NULL, \
            scan_number = NULL, scan_misses = 0
            """
        ).run()
        _ = try await queue.enqueue(
            NewJob(
                tenantID: tenant,
                kind: FirstCustomerSync.jobKind,
                payload: "{}",
                dedupeKey: "customer-first-sync:\(tenant.rawValue):\(trigger)"
            ),
            in: db
        )
    }

    /// The tenant's feed entries after the cursor `after` (from the start when `nil`), oldest first.
    package func changes(of tenant: TenantID, after: Int64?, limit: Int) async throws -> [CustomerChange] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM customer_changes WHERE tenant_id = \(bind: tenant.rawValue) \
                AND id > \(bind: after ?? 0) ORDER BY id LIMIT \(bind: limit)
                """
            ).all().map(Self.change(row:))
        }
    }

    private static func change(row: any SQLRow) throws -> CustomerChange {
        let kindText = try row.decode(column: "kind", as: String.self)
        guard let kind = CustomerChangeKind(rawValue: kindText) else {
            throw StoreError(.inconsistent, "unknown customer change kind '\(kindText)' in the database")
        }
        let customer = try row.decode(column: "content", as: String?.self).map { json in
            try Array(json.utf8).withUnsafeBytes { try CanonicalCustomer.decodeJSON($0) }
        }
        return CustomerChange(
            cursor: try row.decode(column: "id", as: Int64.self),
            change: NewCustomerChange(
                kind: kind,
                lexofficeID: try row.decode(column: "lexoffice_id", as: String.self),
                customerNumber: try row.decode(column: "customer_number", as: String?.self),
                sourceID: try row.decode(column: "source_id", as: String?.self),
                customer: customer
            ),
            recordedAt: Date(millisecondsSince1970: try row.decode(column: "recorded_at", as: Int64.self))
        )
    }
}
