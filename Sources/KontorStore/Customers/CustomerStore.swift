import Foundation
import KontorCore
import KontorFlows
import SQLKit

/// What became of a customer the source sent.
package enum CustomerSave: Sendable, Equatable {
    /// Stored for the first time.
    case created(StoredCustomer)
    /// Stored with new content.
    case updated(StoredCustomer)
    /// The same content as stored.
    case unchanged(StoredCustomer)

    /// The customer as stored now.
    package var customer: StoredCustomer {
        switch self {
        case .created(let customer), .updated(let customer), .unchanged(let customer): customer
        }
    }
}

/// The source customers of the customer sync as the hub API reads and writes them: stored as sent (canonical
/// JSON), queued for the sync when the tenant's sync sends to lexoffice.
package struct CustomerStore: Sendable {
    let database: any StoreDatabase
    let clock: any WallClock

    /// A store in `database` (migrated).
    package init(database: any StoreDatabase, clock: any WallClock = SystemWallClock()) {
        self.database = database
        self.clock = clock
    }

    /// Stores the tenant's customer `sourceID`; new content is `pending` and, when the tenant is active and its sync
    /// sends to lexoffice, queued for the sync in the same commit. The same content again changes nothing.
    /// - Throws: ``StoreError`` `unknown-tenant`.
    package func save(_ customer: CanonicalCustomer, sourceID: String, of tenant: TenantID) async throws -> CustomerSave
    {
        let content = customer.canonicalJSON
        let hash = SecureToken.sha256Hex(content)
        let now = clock.nowMilliseconds
        return try await database.groupedTransaction { [clock, database] db in
            guard let sends = try await Self.sendsCustomers(of: tenant, in: db) else {
                throw StoreError(.unknownTenant, "tenant '\(tenant)' does not exist")
            }
            let inserted = try await db.raw(
                """
                INSERT INTO source_customers (tenant_id, source_id, content, content_hash, sync_state, received_at, \
                content_at, updated_at, version) VALUES (\(bind: tenant.rawValue), \(bind: sourceID), \
                \(bind: content), \(bind: hash), 'pending', \(bind: now), \(bind: now), \(bind: now), 1) \
                ON CONFLICT (tenant_id, source_id) DO NOTHING RETURNING id
                """
            ).first()
            let saved: CustomerSave
            if inserted != nil {
                saved = .created(try await Self.customer(sourceID, of: tenant, in: db))
            } else {
                let existing = try await Self.customer(sourceID, of: tenant, in: db)
                guard existing.contentHash != hash else { return .unchanged(existing) }
                try await db.raw(
                    """
                    UPDATE source_customers SET content = \(bind: content), content_hash = \(bind: hash), \
                    sync_state = 'pending', state_reason = NULL, content_at = \(bind: now), updated_at = \(bind: now), \
                    version = version + 1 \
                    WHERE id = \(bind: existing.sequence)
                    """
                ).run()
                saved = .updated(try await Self.customer(sourceID, of: tenant, in: db))
            }
            if sends {
                let job = CustomerSyncJob(sourceID: sourceID)
                    .newJob(for: tenant, trigger: "save-v\(saved.customer.version)")
                _ = try await JobQueue(database: database, clock: clock).enqueue(job, in: db)
            }
            return saved
        }
    }

    /// The tenant's customer `sourceID` with its link, or `nil`.
    package func customer(_ sourceID: String, of tenant: TenantID) async throws -> StoredCustomer? {
        try await database.read { db in
            try await db.raw(
                "\(StoredCustomer.selection) WHERE c.tenant_id = \(bind: tenant.rawValue) AND c.source_id = \(bind: sourceID)"
            ).first().map(StoredCustomer.init(row:))
        }
    }

    /// A page of the tenant's customers in the order they were first received, after the cursor `after` (a
    /// ``StoredCustomer/sequence``), optionally only those in `state`.
    package func customers(
        of tenant: TenantID,
        state: CustomerSyncState? = nil,
        after: Int64? = nil,
        limit: Int
    ) async throws -> [StoredCustomer] {
        try await database.read { db in
            var query: SQLQueryString = "\(StoredCustomer.selection) WHERE c.tenant_id = \(bind: tenant.rawValue)"
            if let state { query = query + " AND c.sync_state = \(bind: state.rawValue)" }
            if let after { query = query + " AND c.id > \(bind: after)" }
            return try await db.raw(query + " ORDER BY c.id LIMIT \(bind: limit)").all().map(StoredCustomer.init(row:))
        }
    }

    /// The customer's steps, in the order they were first recorded.
    package func steps(of customer: StoredCustomer) async throws -> [TransferStep] {
        try await database.read { db in
            try await db.raw("SELECT * FROM customer_steps WHERE customer_id = \(bind: customer.sequence) ORDER BY id")
                .all().map(TransferStep.init(row:))
        }
    }

    /// Queues the tenant's customer `sourceID` for another sync (a `failed` or `conflict` one, or one still
    /// pending); `nil` when the tenant has no such customer.
    /// - Throws: ``StoreError`` `invalid-state` for a synced customer (there is nothing to retry), and when the
    ///   tenant's sync does not send to lexoffice.
    package func retry(_ sourceID: String, of tenant: TenantID) async throws -> StoredCustomer? {
        let now = clock.nowMilliseconds
        return try await database.groupedTransaction { [clock, database] db in
            guard let sends = try await Self.sendsCustomers(of: tenant, in: db) else {
                throw StoreError(.unknownTenant, "tenant '\(tenant)' does not exist")
            }
            guard
                let customer = try await db.raw(
                    "\(StoredCustomer.selection) WHERE c.tenant_id = \(bind: tenant.rawValue) AND c.source_id = \(bind: sourceID)"
                ).first().map(StoredCustomer.init(row:))
            else { return nil }
            guard customer.needsSync else {
                throw StoreError(.invalidState, "customer '\(sourceID)' is synced; there is nothing to retry")
            }
            guard sends else {
                throw StoreError(.invalidState, "the tenant's customer sync does not send customers to lexoffice")
            }
            try await db.raw(
                """
                UPDATE source_customers SET sync_state = 'pending', state_reason = NULL, updated_at = \(bind: now) \
                WHERE id = \(bind: customer.sequence)
                """
            ).run()
            let job = CustomerSyncJob(sourceID: sourceID).newJob(for: tenant, trigger: "retry-\(now)")
            _ = try await JobQueue(database: database, clock: clock).enqueue(job, in: db)
            return try await Self.customer(sourceID, of: tenant, in: db)
        }
    }

    /// Queues a sync for each of the tenant's customers lexoffice does not hold yet (after the sync was activated),
    /// in the caller's transaction.
    static func queueSyncs(of tenant: TenantID, trigger: String, queue: JobQueue, in db: any SQLDatabase) async throws {
        let sourceIDs = try await db.raw(
            """
            SELECT source_id FROM source_customers WHERE tenant_id = \(bind: tenant.rawValue) \
            AND (sync_state <> 'synced' OR synced_hash IS NULL OR synced_hash <> content_hash) ORDER BY id
            """
        ).all().map { try $0.decode(column: "source_id", as: String.self) }
        try await queue.enqueue(
            contentsOf: sourceIDs.map { CustomerSyncJob(sourceID: $0).newJob(for: tenant, trigger: trigger) },
            in: db
        )
    }

    static func customer(
        _ sourceID: String,
        of tenant: TenantID,
        in db: any SQLDatabase
    ) async throws
        -> StoredCustomer
    {
        guard
            let customer = try await db.raw(
                "\(StoredCustomer.selection) WHERE c.tenant_id = \(bind: tenant.rawValue) AND c.source_id = \(bind: sourceID)"
            ).first().map(StoredCustomer.init(row:))
        else { throw StoreError(.inconsistent, "the customer '\(sourceID)' was neither stored nor found") }
        return customer
    }

    /// Whether the tenant sends customers to lexoffice now (active, its sync active toward lexoffice); `nil` when
    /// there is no such tenant.
    private static func sendsCustomers(of tenant: TenantID, in db: any SQLDatabase) async throws -> Bool? {
        guard
            let row = try await db.raw(
                "SELECT is_active, customer_sync FROM tenants WHERE id = \(bind: tenant.rawValue)"
            ).first()
        else { return nil }
        let settings = try row.decode(column: "customer_sync", as: String?.self).map {
            try KontorJSON.decoder().decode(CustomerSyncSettings.self, from: Data($0.utf8))
        }
        return try row.decode(column: "is_active", as: Bool.self) && (settings?.sendsToLexoffice ?? false)
    }
}
