import Foundation
import KontorCore
import SQLKit

/// Stores tenants: create, read, list, change (with optimistic locking and the variant rule), delete.
///
/// Copies of a store share the tenants ``recentTenant(_:)`` keeps; changes through any of them reach those reads at
/// once, changes by other processes (or other stores) within ``recentLifetime``.
package struct TenantStore: Sendable {
    let database: any StoreDatabase
    let clock: any WallClock
    private let recent: ShortLivedCache<TenantID, Tenant>

    /// How long ``recentTenant(_:)`` keeps a tenant it read.
    package static let recentLifetime = Duration.seconds(1)

    /// A store in `database` (migrated).
    package init(database: any StoreDatabase, clock: any WallClock = SystemWallClock()) {
        self.database = database
        self.clock = clock
        self.recent = ShortLivedCache(lifetime: Self.recentLifetime, capacity: 10_000, clock: clock)
    }

    /// Activity kinds that count as a transferred document for the variant rule.
    package static let transferActivityKinds = ["invoice.transferred", "creditnote.transferred"]

    /// Stores a new tenant at version 1.
    /// - Throws: ``StoreError`` `conflict` when a tenant with the same id exists.
    package func create(_ tenant: Tenant) async throws -> Tenant {
        let now = clock.now
        var stored = tenant
        stored.createdAt = now
        stored.updatedAt = now
        stored.version = 1
        let record = stored
        try await database.transaction { db in
            let inserted = try await db.raw(
                """
                INSERT INTO tenants (id, name, company_code, transfer_variant, finalize_invoices, auto_transfer, \
                is_active, active_since, callback_url, customer_sync, time_zone, created_at, \
                updated_at, version) VALUES (\(bind: record.id.rawValue), \(bind: record.name), \(bind: record.companyCode), \
                \(bind: record.settings.transferVariant.rawValue), \(bind: record.settings.finalizeInvoices), \
                \(bind: record.settings.autoTransfer), \(bind: record.isActive), \
                \(bind: record.activeSince?.millisecondsSince1970), \(bind: record.callbackURL), \
                \(bind: try KontorJSON.text(of: record.customerSync)), \
                \(bind: record.timeZone), \(bind: now.millisecondsSince1970), \(bind: now.millisecondsSince1970), 1) \
                ON CONFLICT (id) DO NOTHING RETURNING id
                """
            ).first()
            guard inserted != nil else { throw StoreError(.duplicate, "a tenant with id '\(record.id)' exists") }
        }
        return record
    }

    /// The tenant with `id`, or `nil`.
    package func tenant(_ id: TenantID) async throws -> Tenant? {
        try await database.read { db in try await Self.tenant(id, in: db) }
    }

    /// The tenant with `id` as read at most ``recentLifetime`` ago, or `nil`: for the checks of a request on a hot
    /// path, where a tenant changed by another process may be seen that much later. Decisions that must be exact
    /// read the tenant in their own transaction.
    package func recentTenant(_ id: TenantID) async throws -> Tenant? {
        try await recent.value(for: id) { try await tenant(id) }
    }

    /// Tenants ordered by id, after `cursor`.
    package func list(after cursor: TenantID? = nil, limit: Int = 50) async throws -> [Tenant] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM tenants WHERE id > \(bind: cursor?.rawValue ?? "") \
                ORDER BY id LIMIT \(literal: max(1, min(limit, 1000)))
                """
            ).all().map(Tenant.init(row:))
        }
    }

    /// Changes a tenant: `change` edits a copy, which is stored as the next version.
    ///
    /// - Parameter expectedVersion: when given, the change applies only if the stored version is this one.
    /// - Throws: ``StoreError`` `not-found`; `conflict` when the version differs, or when the transfer variant
    ///   changes although the tenant transferred documents in the current (calendar) business year.
    package func update(
        _ id: TenantID,
        expectedVersion: Int? = nil,
        _ change: @Sendable (inout Tenant) throws -> Void
    ) async throws -> Tenant {
        defer { recent.invalidateAll() }
        return try await database.transaction { db in
            guard let current = try await Self.tenant(id, in: db) else {
                throw StoreError(.unknownTenant, "tenant '\(id)' does not exist")
            }
            if let expectedVersion, expectedVersion != current.version {
                throw StoreError(
                    .versionMismatch,
                    "tenant '\(id)' was changed meanwhile (version \(current.version), not \(expectedVersion))"
                )
            }
            var updated = current
            try change(&updated)
            updated.id = current.id
            updated.createdAt = current.createdAt
            updated.updatedAt = clock.now
            updated.version = current.version + 1
            if updated.settings.transferVariant != current.settings.transferVariant {
                try await checkNoTransfersThisYear(id, zone: updated.zone, in: db)
            }
            try await db.raw(
                """
                UPDATE tenants SET name = \(bind: updated.name), company_code = \(bind: updated.companyCode), \
                transfer_variant = \(bind: updated.settings.transferVariant.rawValue), \
                finalize_invoices = \(bind: updated.settings.finalizeInvoices), \
                auto_transfer = \(bind: updated.settings.autoTransfer), is_active = \(bind: updated.isActive), \
                active_since = \(bind: updated.activeSince?.millisecondsSince1970), \
                callback_url = \(bind: updated.callbackURL), \
                customer_sync = \(bind: try KontorJSON.text(of: updated.customerSync)), \
                time_zone = \(bind: updated.timeZone), updated_at = \(bind: updated.updatedAt.millisecondsSince1970), version = \(bind: updated.version) \
                WHERE id = \(bind: id.rawValue)
                """
            ).run()
            if updated.isActive, updated.customerSync.takesLexofficeChanges,
                !(current.isActive && current.customerSync.takesLexofficeChanges)
            {
                try await CustomerFeedStore.startFirstSync(
                    of: id,
                    trigger: "activation-v\(updated.version)",
                    queue: JobQueue(database: database, clock: clock),
                    in: db
                )
            }
            if updated.isActive, updated.customerSync.sendsToLexoffice,
                !(current.isActive && current.customerSync.sendsToLexoffice)
            {
                try await CustomerStore.queueSyncs(
                    of: id,
                    trigger: "activation-v\(updated.version)",
                    queue: JobQueue(database: database, clock: clock),
                    in: db
                )
            }
            return updated
        }
    }

    /// Deletes a tenant with its connection, tokens, jobs (staged ones too), lease and activity log, so that a tenant
    /// created later with the same id sees nothing of this one.
    /// - Returns: whether the tenant existed.
    @discardableResult
    package func delete(_ id: TenantID) async throws -> Bool {
        defer { recent.invalidateAll() }
        return try await database.transaction { db in
            try await db.raw("DELETE FROM jobs WHERE tenant_id = \(bind: id.rawValue)").run()
            try await db.raw("DELETE FROM staged_jobs WHERE tenant_id = \(bind: id.rawValue)").run()
            try await db.raw("DELETE FROM tenant_leases WHERE tenant_id = \(bind: id.rawValue)").run()
            try await db.raw("DELETE FROM activity WHERE tenant_id = \(bind: id.rawValue)").run()
            return try await db.raw("DELETE FROM tenants WHERE id = \(bind: id.rawValue) RETURNING id").first() != nil
        }
    }

    /// Stores the tenant's callback secret (already sealed by the caller).
    /// - Throws: ``StoreError`` `not-found` for an unknown tenant.
    package func setSealedCallbackSecret(_ sealed: String, of id: TenantID) async throws {
        try await database.transaction { db in
            guard
                try await db.raw(
                    "UPDATE tenants SET callback_secret = \(bind: sealed) WHERE id = \(bind: id.rawValue) RETURNING id"
                ).first() != nil
            else { throw StoreError(.unknownTenant, "tenant '\(id)' does not exist") }
        }
    }

    /// The tenant's sealed callback secret, or `nil` when none was set.
    package func sealedCallbackSecret(of id: TenantID) async throws -> String? {
        try await database.read { db in
            try await db.raw("SELECT callback_secret FROM tenants WHERE id = \(bind: id.rawValue)").first()?
                .decode(column: "callback_secret", as: String?.self)
        }
    }

    private func checkNoTransfersThisYear(_ id: TenantID, zone: TimeZone, in db: any SQLDatabase) async throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let startOfYear = calendar.dateInterval(of: .year, for: clock.now)?.start ?? clock.now
        let count =
            try await db.raw(
                """
                SELECT COUNT(*) AS n FROM activity WHERE tenant_id = \(bind: id.rawValue) \
                AND kind IN (\(binds: Self.transferActivityKinds)) AND at >= \(bind: startOfYear.millisecondsSince1970)
                """
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        if count > 0 {
            throw StoreError(
                .invalidState,
                "tenant '\(id)' already transferred \(count) documents this business year; "
                    + "the transfer variant can change only at the start of a business year"
            )
        }
    }

    static func tenant(_ id: TenantID, in db: any SQLDatabase) async throws -> Tenant? {
        try await db.raw("SELECT * FROM tenants WHERE id = \(bind: id.rawValue)").first().map(Tenant.init(row:))
    }
}
