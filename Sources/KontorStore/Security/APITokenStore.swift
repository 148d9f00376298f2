import Crypto
import Foundation
import KontorCore
import SQLKit

/// Who a hub API token speaks for.
package enum APITokenScope: Sendable, Equatable {
    /// The partner: every tenant and the tenant list.
    case partner
    /// One tenant only (a source application).
    case tenant(TenantID)
}

/// A stored hub API token, without the token itself (only its SHA-256 hash is kept).
package struct APITokenRecord: Sendable, Equatable {
    /// The token's public identifier (the part before the dot), safe to show and log.
    package var id: String
    /// What the token may do.
    package var scope: APITokenScope
    /// A name for people, e.g. `practice software`.
    package var name: String
    /// When it was created.
    package var createdAt: Date
    /// When it was revoked, if it was.
    package var revokedAt: Date?
}

/// Issues and checks hub API tokens (DESIGN.md §7): `kt_<id>.<secret>`, shown once, stored as SHA-256 hashes.
///
/// ``authenticate(_:)`` keeps what it found for ``recentLifetime`` (by hash): a token revoked through this store
/// (or a copy) is refused at once, one revoked by another process within that time.
package struct APITokenStore: Sendable {
    let database: any StoreDatabase
    let clock: any WallClock
    private let recentScopes: ShortLivedCache<String, APITokenScope>

    /// How long a found token's scope is used without reading it again.
    package static let recentLifetime = Duration.seconds(1)

    /// A store in `database` (migrated).
    package init(database: any StoreDatabase, clock: any WallClock = SystemWallClock()) {
        self.database = database
        self.clock = clock
        self.recentScopes = ShortLivedCache(lifetime: Self.recentLifetime, capacity: 10_000, clock: clock)
    }

    /// Creates a token; the returned plaintext is shown once and never stored.
    /// - Throws: ``StoreError`` `not-found` when a tenant token names a tenant that does not exist.
    package func create(scope: APITokenScope, name: String) async throws -> (token: String, record: APITokenRecord) {
        // An id starting with `-` would read as an option on the command line (`kontor admin token revoke ID`).
        var id = Self.randomText(bytes: 9)
        while id.hasPrefix("-") { id = Self.randomText(bytes: 9) }
        let token = "kt_\(id).\(Self.randomText(bytes: 32))"
        let record = APITokenRecord(id: id, scope: scope, name: name, createdAt: clock.now, revokedAt: nil)
        let tenantID: String? =
            switch scope {
            case .partner: nil
            case .tenant(let tenant): tenant.rawValue
            }
        try await database.transaction { db in
            if let tenantID,
                try await db.raw("SELECT id FROM tenants WHERE id = \(bind: tenantID)").first() == nil
            {
                throw StoreError(.unknownTenant, "tenant '\(tenantID)' does not exist")
            }
            try await db.raw(
                """
                INSERT INTO api_tokens (id, token_hash, tenant_id, name, created_at) VALUES (\(bind: id), \
                \(bind: Self.hash(token)), \(bind: tenantID), \(bind: name), \(bind: record.createdAt.millisecondsSince1970))
                """
            ).run()
        }
        return (token, record)
    }

    /// The scope of a presented token, or `nil` when it is unknown or revoked.
    package func authenticate(_ token: String) async throws -> APITokenScope? {
        guard token.hasPrefix("kt_"), token.count < 200 else { return nil }
        let hash = Self.hash(token)
        return try await recentScopes.value(for: hash) {
            try await database.read { db in
                guard
                    let row = try await db.raw(
                        "SELECT tenant_id, revoked_at FROM api_tokens WHERE token_hash = \(bind: hash)"
                    ).first(),
                    try row.decode(column: "revoked_at", as: Int64?.self) == nil
                else { return nil }
                return try row.decode(column: "tenant_id", as: String?.self).map { .tenant(TenantID($0)) } ?? .partner
            }
        }
    }

    /// Revokes the token with `id`; returns whether it existed and was active.
    @discardableResult
    package func revoke(_ id: String) async throws -> Bool {
        defer { recentScopes.invalidateAll() }
        return try await database.transaction { db in
            try await db.raw(
                """
                UPDATE api_tokens SET revoked_at = \(bind: clock.nowMilliseconds) \
                WHERE id = \(bind: id) AND revoked_at IS NULL RETURNING id
                """
            ).first() != nil
        }
    }

    /// Every token (without secrets), oldest first, the revoked ones included.
    package func list() async throws -> [APITokenRecord] {
        try await database.read { db in
            try await db.raw("SELECT * FROM api_tokens ORDER BY created_at, id").all().map(Self.record)
        }
    }

    /// The token with `id` (without its secret), revoked or not; `nil` when there is none.
    package func token(_ id: String) async throws -> APITokenRecord? {
        try await database.read { db in
            try await db.raw("SELECT * FROM api_tokens WHERE id = \(bind: id)").first().map(Self.record)
        }
    }

    private static func record(_ row: any SQLRow) throws -> APITokenRecord {
        APITokenRecord(
            id: try row.decode(column: "id", as: String.self),
            scope: try row.decode(column: "tenant_id", as: String?.self).map { .tenant(TenantID($0)) } ?? .partner,
            name: try row.decode(column: "name", as: String.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            revokedAt: try row.decode(column: "revoked_at", as: Int64?.self).map(Date.init(millisecondsSince1970:))
        )
    }

    private static func hash(_ token: String) -> String { SecureToken.sha256Hex(token) }

    private static func randomText(bytes: Int) -> String { SecureToken.random(bytes: bytes) }
}
