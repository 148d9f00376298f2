import Crypto
import Foundation
import KontorCore
import SQLKit

/// The short-lived records of OAuth2 connects in progress (DESIGN.md §7, CSRF): a one-time start ticket handed to
/// the partner's application, then a `state` bound to the browser session that followed the ticket. Only SHA-256
/// hashes of ticket, state and session are stored; every record is used once and expires after ``lifetime``.
package struct OAuthStateStore: Sendable {
    let database: any StoreDatabase
    let clock: any WallClock

    /// How long a ticket or a state stays usable.
    package static let lifetime: Duration = .seconds(600)

    /// A store in `database` (migrated).
    package init(database: any StoreDatabase, clock: any WallClock = SystemWallClock()) {
        self.database = database
        self.clock = clock
    }

    /// Creates a start ticket for `tenant`; returns the ticket (shown once).
    package func createTicket(for tenant: TenantID) async throws -> String {
        let ticket = Self.randomToken()
        try await database.transaction { db in
            try await purgeExpired(db)
            try await db.raw(
                """
                INSERT INTO oauth_states (state_hash, tenant_id, session_hash, code_verifier, created_at) \
                VALUES (\(bind: Self.hash("ticket:" + ticket)), \(bind: tenant.rawValue), '', '', \
                \(bind: clock.nowMilliseconds))
                """
            ).run()
        }
        return ticket
    }

    /// Redeems a ticket for a `state` bound to a new browser session.
    /// - Returns: the tenant, the state for the authorization URL and the session id for the cookie; `nil` when
    ///   the ticket is unknown, used or expired.
    package func start(ticket: String) async throws -> (tenant: TenantID, state: String, session: String)? {
        let state = Self.randomToken()
        let session = Self.randomToken()
        return try await database.transaction { db in
            guard let tenant = try await take(Self.hash("ticket:" + ticket), in: db) else { return nil }
            try await db.raw(
                """
                INSERT INTO oauth_states (state_hash, tenant_id, session_hash, code_verifier, created_at) \
                VALUES (\(bind: Self.hash("state:" + state)), \(bind: tenant.rawValue), \(bind: Self.hash(session)), \
                '', \(bind: clock.nowMilliseconds))
                """
            ).run()
            return (tenant, state, session)
        }
    }

    /// Consumes a `state` returned by lexoffice, if it belongs to `session` (the browser's cookie).
    /// - Returns: the tenant, or `nil` for an unknown, used, expired or foreign state (nothing is consumed then
    ///   unless the state itself was valid).
    package func finish(state: String, session: String?) async throws -> TenantID? {
        try await database.transaction { db in
            let key = Self.hash("state:" + state)
            guard
                let row = try await db.raw(
                    "SELECT session_hash FROM oauth_states WHERE state_hash = \(bind: key)"
                ).first(),
                let session, try row.decode(column: "session_hash", as: String.self) == Self.hash(session)
            else { return nil }
            return try await take(key, in: db)
        }
    }

    private func take(_ key: String, in db: any SQLDatabase) async throws -> TenantID? {
        let row = try await db.raw(
            "DELETE FROM oauth_states WHERE state_hash = \(bind: key) RETURNING tenant_id, created_at"
        ).first()
        guard let row, try row.decode(column: "created_at", as: Int64.self) >= expiryCutoff else { return nil }
        return TenantID(try row.decode(column: "tenant_id", as: String.self))
    }

    private var expiryCutoff: Int64 { clock.nowMilliseconds - Self.lifetime.components.seconds * 1000 }

    private func purgeExpired(_ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM oauth_states WHERE created_at < \(bind: expiryCutoff)").run()
    }

    private static func hash(_ text: String) -> String { SecureToken.sha256Hex(text) }

    private static func randomToken() -> String { SecureToken.random() }
}
