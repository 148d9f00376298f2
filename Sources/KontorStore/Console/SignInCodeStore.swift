import Foundation
import KontorCore
import SQLKit

/// One-time sign-in links for the web console (`/ui/sign-in/<code>`): the first start's link for the partner and
/// `kontor admin sign-in-link`. Only the code's SHA-256 is stored; a code works once, within ``lifetime``.
package struct SignInCodeStore: Sendable {
    let database: any StoreDatabase
    let clock: any WallClock

    /// How long a sign-in link stays valid.
    package static let lifetime: Duration = .seconds(24 * 3600)

    /// A store in `database` (migrated).
    package init(database: any StoreDatabase, clock: any WallClock = SystemWallClock()) {
        self.database = database
        self.clock = clock
    }

    /// A new code that signs in `user` once (shown once).
    package func create(for user: ConsoleUser) async throws -> String {
        let code = SecureToken.random()
        let now = clock.nowMilliseconds
        try await database.transaction { db in
            try await db.raw("DELETE FROM console_sign_in_codes WHERE expires_at < \(bind: now)").run()
            try await db.raw(
                """
                INSERT INTO console_sign_in_codes (code_hash, user_id, expires_at) \
                VALUES (\(bind: SecureToken.sha256Hex(code)), \(bind: user.id), \
                \(bind: now + Self.lifetime.components.seconds * 1000))
                """
            ).run()
        }
        return code
    }

    /// Whether `code` is valid now, without using it (the page that asks "sign in?").
    package func isValid(_ code: String) async throws -> Bool {
        try await database.withConnection { db in
            try await db.raw(
                """
                SELECT user_id FROM console_sign_in_codes WHERE code_hash = \(bind: SecureToken.sha256Hex(code)) \
                AND expires_at > \(bind: clock.nowMilliseconds)
                """
            ).first() != nil
        }
    }

    /// Uses `code`: the user it signs in, or `nil` for an unknown, used or expired code.
    package func redeem(_ code: String) async throws -> ConsoleUser? {
        let now = clock.nowMilliseconds
        return try await database.transaction { db in
            guard
                let row = try await db.raw(
                    """
                    DELETE FROM console_sign_in_codes WHERE code_hash = \(bind: SecureToken.sha256Hex(code)) \
                    RETURNING user_id, expires_at
                    """
                ).first(),
                try row.decode(column: "expires_at", as: Int64.self) > now
            else { return nil }
            return try await db.raw(
                "SELECT * FROM console_users WHERE id = \(bind: try row.decode(column: "user_id", as: Int64.self))"
            ).first().map(ConsoleUserStore.user)
        }
    }
}
