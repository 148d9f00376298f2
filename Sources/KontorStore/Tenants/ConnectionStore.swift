import Foundation
import KontorCore
import SQLKit

/// Stores tenants' lexoffice connections, their credentials sealed with a ``SecretBox``.
package struct ConnectionStore: Sendable {
    let database: any StoreDatabase
    let secrets: SecretBox
    let clock: any WallClock

    /// A store in `database` (migrated) sealing credentials with `secrets`.
    package init(database: any StoreDatabase, secrets: SecretBox, clock: any WallClock = SystemWallClock()) {
        self.database = database
        self.secrets = secrets
        self.clock = clock
    }

    /// Stores (or replaces) a tenant's connection with its credentials.
    /// - Throws: ``StoreError`` `not-found` for an unknown tenant; `conflict` when the lexoffice organization is
    ///   already connected to another tenant (webhooks could not be told apart).
    package func save(_ connection: LexofficeConnection, credentials: ConnectionCredentials) async throws {
        let sealed = try seal(credentials, for: connection.tenantID)
        let subscriptions = try KontorJSON.text(of: connection.subscriptionIDs)
        try await database.transaction { db in
            guard try await TenantStore.tenant(connection.tenantID, in: db) != nil else {
                throw StoreError(.unknownTenant, "tenant '\(connection.tenantID)' does not exist")
            }
            if let organization = connection.organizationID,
                let owner = try await db.raw(
                    """
                    SELECT tenant_id FROM connections WHERE organization_id = \(bind: organization) \
                    AND tenant_id <> \(bind: connection.tenantID.rawValue)
                    """
                ).first()
            {
                let other = try owner.decode(column: "tenant_id", as: String.self)
                throw StoreError(.duplicate, "this lexoffice organization is already connected to tenant '\(other)'")
            }
            try await db.raw(
                """
                INSERT INTO connections (tenant_id, kind, status, status_reason, credentials, organization_id, \
                company_name, access_expires_at, subscriptions, connected_at, updated_at) VALUES (\
                \(bind: connection.tenantID.rawValue), \(bind: connection.kind.rawValue), \
                \(bind: connection.status.rawValue), \(bind: connection.statusReason), \(bind: sealed), \
                \(bind: connection.organizationID), \(bind: connection.companyName), \
                \(bind: connection.accessExpiresAt?.millisecondsSince1970), \(bind: subscriptions), \
                \(bind: connection.connectedAt.millisecondsSince1970), \(bind: clock.nowMilliseconds)) \
                ON CONFLICT (tenant_id) DO UPDATE SET kind = excluded.kind, status = excluded.status, \
                status_reason = excluded.status_reason, credentials = excluded.credentials, \
                organization_id = excluded.organization_id, company_name = excluded.company_name, \
                access_expires_at = excluded.access_expires_at, subscriptions = excluded.subscriptions, \
                connected_at = excluded.connected_at, updated_at = excluded.updated_at
                """
            ).run()
        }
    }

    /// The tenant's connection, or `nil` when it has none.
    package func connection(of tenant: TenantID) async throws -> LexofficeConnection? {
        try await Self.connection(of: tenant, in: database)
    }

    /// The tenant's connection without its secrets (needs no master key), or `nil` when it has none.
    package static func connection(
        of tenant: TenantID,
        in database: any StoreDatabase
    ) async throws
        -> LexofficeConnection?
    {
        try await database.read { db in
            try await db.raw("SELECT * FROM connections WHERE tenant_id = \(bind: tenant.rawValue)").first()
                .map(LexofficeConnection.init(row:))
        }
    }

    /// The tenant's credentials, opened; `nil` without a connection.
    /// - Throws: ``StoreError`` `secret-unreadable` with the wrong master key.
    package func credentials(of tenant: TenantID) async throws -> ConnectionCredentials? {
        let sealed = try await database.read { db in
            try await db.raw("SELECT credentials FROM connections WHERE tenant_id = \(bind: tenant.rawValue)").first()?
                .decode(column: "credentials", as: String.self)
        }
        guard let sealed else { return nil }
        let json = try secrets.open(sealed, context: Self.context(tenant))
        do {
            return try JSONDecoder().decode(ConnectionCredentials.self, from: Data(json.utf8))
        } catch {
            throw StoreError(.secretUnreadable, "the stored credentials of tenant '\(tenant)' are malformed")
        }
    }

    /// Replaces the credentials after an OAuth2 refresh, with the new expiry; ends a claimed renewal.
    package func updateCredentials(
        of tenant: TenantID,
        _ credentials: ConnectionCredentials,
        expiresAt: Date?
    )
        async throws
    {
        let sealed = try seal(credentials, for: tenant)
        try await database.transaction { db in
            guard
                try await db.raw(
                    """
                    UPDATE connections SET credentials = \(bind: sealed), \
                    access_expires_at = \(bind: expiresAt?.millisecondsSince1970), status = 'connected', \
                    status_reason = NULL, refresh_claimed_until = NULL, updated_at = \(bind: clock.nowMilliseconds) \
                    WHERE tenant_id = \(bind: tenant.rawValue) RETURNING tenant_id
                    """
                ).first() != nil
            else { throw StoreError(.notConnected, "tenant '\(tenant)' has no lexoffice connection") }
        }
    }

    /// Replaces the ids of the connection's event subscriptions (after the hub subscribed to more or fewer events).
    package func updateSubscriptions(_ ids: [String], of tenant: TenantID) async throws {
        let subscriptions = try KontorJSON.text(of: ids)
        try await database.transaction { db in
            try await db.raw(
                """
                UPDATE connections SET subscriptions = \(bind: subscriptions), updated_at = \(bind: clock.nowMilliseconds) \
                WHERE tenant_id = \(bind: tenant.rawValue)
                """
            ).run()
        }
    }

    /// Marks the connection as needing a person to reconnect (revoked, refresh failed).
    package func markReconnectNeeded(_ tenant: TenantID, reason: String) async throws {
        try await database.transaction { db in
            try await db.raw(
                """
                UPDATE connections SET status = 'reconnect-needed', status_reason = \(bind: reason), \
                updated_at = \(bind: clock.nowMilliseconds) WHERE tenant_id = \(bind: tenant.rawValue)
                """
            ).run()
        }
    }

    /// Removes the tenant's connection; returns the removed connection, if there was one.
    @discardableResult
    package func delete(_ tenant: TenantID) async throws -> LexofficeConnection? {
        try await database.transaction { db in
            try await db.raw("DELETE FROM connections WHERE tenant_id = \(bind: tenant.rawValue) RETURNING *").first()
                .map(LexofficeConnection.init(row:))
        }
    }

    /// The tenant connected to a lexoffice organization (to route an incoming webhook), or `nil`.
    package func tenant(forOrganization organizationID: String) async throws -> TenantID? {
        try await database.read { db in try await Self.tenant(forOrganization: organizationID, in: db) }
    }

    /// The tenant connected to the lexoffice organization `organizationID`, read with the caller's connection.
    static func tenant(forOrganization organizationID: String, in db: any SQLDatabase) async throws -> TenantID? {
        try await db.raw("SELECT tenant_id FROM connections WHERE organization_id = \(bind: organizationID)")
            .first()
            .map { TenantID(try $0.decode(column: "tenant_id", as: String.self)) }
    }

    private func seal(_ credentials: ConnectionCredentials, for tenant: TenantID) throws -> String {
        try secrets.seal(
            try KontorJSON.text(of: credentials),
            context: Self.context(tenant)
        )
    }

    private static func context(_ tenant: TenantID) -> String { "tenant:\(tenant.rawValue)/connection" }
}

extension LexofficeConnection {
    /// Reads a connection from a `SELECT * FROM connections` row.
    init(row: any SQLRow) throws {
        let kindText = try row.decode(column: "kind", as: String.self)
        let statusText = try row.decode(column: "status", as: String.self)
        guard let kind = ConnectionKind(rawValue: kindText), let status = ConnectionStatus(rawValue: statusText) else {
            throw StoreError(.inconsistent, "unknown connection kind or status in the database")
        }
        let subscriptions = try row.decode(column: "subscriptions", as: String.self)
        self.init(
            tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
            kind: kind,
            status: status,
            statusReason: try row.decode(column: "status_reason", as: String?.self),
            organizationID: try row.decode(column: "organization_id", as: String?.self),
            companyName: try row.decode(column: "company_name", as: String?.self),
            accessExpiresAt: try row.decode(column: "access_expires_at", as: Int64?.self)
                .map(Date.init(millisecondsSince1970:)),
            subscriptionIDs: (try? JSONDecoder().decode([String].self, from: Data(subscriptions.utf8))) ?? [],
            connectedAt: Date(millisecondsSince1970: try row.decode(column: "connected_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
