import Foundation
import KontorCore
import KontorFlows
import SQLKit

extension ArchiveStore {
    /// Stores (or replaces) the tenant's archive settings, the sinks sealed; the stamp's secret key stays.
    /// - Throws: ``StoreError`` `unknown-tenant`.
    package func save(_ settings: ArchiveSettings, of tenant: TenantID) async throws {
        let sealed = try secrets.seal(try KontorJSON.text(of: settings.sinks), context: Self.context(tenant))
        let types = try KontorJSON.text(of: settings.documentTypes)
        let now = queue.clock.nowMilliseconds
        try await database.transaction { db in
            guard try await TenantStore.tenant(tenant, in: db) != nil else {
                throw StoreError(.unknownTenant, "tenant '\(tenant)' does not exist")
            }
            try await db.raw(
                """
                INSERT INTO archive_settings (tenant_id, is_active, active_since, document_types, sinks, updated_at) \
                VALUES (\(bind: tenant.rawValue), \(bind: settings.isActive), \
                \(bind: settings.activeSince?.millisecondsSince1970), \(bind: types), \(bind: sealed), \(bind: now)) \
                ON CONFLICT (tenant_id) DO UPDATE SET is_active = excluded.is_active, \
                active_since = excluded.active_since, document_types = excluded.document_types, \
                sinks = excluded.sinks, updated_at = excluded.updated_at
                """
            ).run()
        }
    }

    /// Makes a new secret key for the tenant's DMS stamp, stores only its SHA-256 and returns it (shown once); the
    /// previous key stops working.
    /// - Throws: ``StoreError`` `invalid-state` when the tenant has no archive settings yet.
    package func rotateStampSecret(of tenant: TenantID) async throws -> String {
        let secret = SecureToken.random()
        let now = queue.clock.nowMilliseconds
        let changed = try await database.transaction { db in
            try await db.raw(
                """
                UPDATE archive_settings SET stamp_secret_hash = \(bind: SecureToken.sha256Hex(secret)), \
                updated_at = \(bind: now) WHERE tenant_id = \(bind: tenant.rawValue) RETURNING tenant_id
                """
            ).first() != nil
        }
        guard changed else {
            throw StoreError(.invalidState, "the tenant's archive is not configured yet")
        }
        return secret
    }

    /// Whether `secret` is the tenant's current stamp secret key.
    package func isStampSecret(_ secret: String, of tenant: TenantID) async throws -> Bool {
        let stored = try await database.read { db in
            try await db.raw(
                "SELECT stamp_secret_hash FROM archive_settings WHERE tenant_id = \(bind: tenant.rawValue)"
            ).first()?.decode(column: "stamp_secret_hash", as: String?.self)
        }
        guard let stored else { return false }
        return SecureToken.sha256Hex(secret) == stored
    }

    /// Whether the tenant has a stamp secret key.
    package func hasStampSecret(of tenant: TenantID) async throws -> Bool {
        try await database.read { db in
            try await db.raw(
                """
                SELECT 1 AS present FROM archive_settings WHERE tenant_id = \(bind: tenant.rawValue) \
                AND stamp_secret_hash IS NOT NULL
                """
            ).first() != nil
        }
    }

    /// Stores the API token the stamp obtained in the tenant's DMS sinks (sealed with the other settings).
    /// - Throws: ``StoreError`` `invalid-state` when the tenant has no DMS sink.
    package func setDMSToken(_ token: String, of tenant: TenantID) async throws {
        guard var settings = try await self.settings(of: tenant), settings.sinks.contains(where: { $0.type == .dms })
        else {
            throw StoreError(.invalidState, "the tenant's archive has no DMS sink")
        }
        for index in settings.sinks.indices where settings.sinks[index].type == .dms {
            settings.sinks[index].token = token
        }
        try await save(settings, of: tenant)
    }
}
