import Foundation
import KontorCore
import SQLKit

/// A signed-in browser: who it is and the token its forms must carry (CSRF).
package struct ConsoleSession: Sendable, Equatable {
    /// The signed-in user.
    package var user: ConsoleUser
    /// The token every form of this session carries; a form without it is refused.
    package var formToken: String
}

/// The web console's sessions (DESIGN.md §7): the cookie holds a random session id, the database only its SHA-256.
/// A session expires after ``idleLifetime`` without a request; each use moves the expiry (at most once a minute,
/// so reading pages does not write on every request).
package struct ConsoleSessionStore: Sendable {
    let database: any StoreDatabase
    let clock: any WallClock

    /// How long an unused session stays signed in.
    package static let idleLifetime: Duration = .seconds(8 * 3600)

    /// A store in `database` (migrated).
    package init(database: any StoreDatabase, clock: any WallClock = SystemWallClock()) {
        self.database = database
        self.clock = clock
    }

    /// Signs `user` in: returns the session id for the cookie (shown once) and the session.
    package func start(for user: ConsoleUser) async throws -> (cookie: String, session: ConsoleSession) {
        let cookie = SecureToken.random()
        let formToken = SecureToken.random()
        let now = clock.nowMilliseconds
        try await database.transaction { db in
            try await db.raw("DELETE FROM console_sessions WHERE expires_at < \(bind: now)").run()
            try await db.raw(
                """
                INSERT INTO console_sessions (session_hash, user_id, form_token, created_at, expires_at) \
                VALUES (\(bind: SecureToken.sha256Hex(cookie)), \(bind: user.id), \(bind: formToken), \(bind: now), \
                \(bind: now + Self.idleLifetimeMilliseconds))
                """
            ).run()
        }
        return (cookie, ConsoleSession(user: user, formToken: formToken))
    }

    /// The live session of `cookie`, its expiry moved on; `nil` for an unknown, ended or expired one.
    package func session(_ cookie: String) async throws -> ConsoleSession? {
        let key = SecureToken.sha256Hex(cookie)
        let now = clock.nowMilliseconds
        return try await database.withConnection { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT s.form_token, s.expires_at, u.* FROM console_sessions s \
                    JOIN console_users u ON u.id = s.user_id WHERE s.session_hash = \(bind: key)
                    """
                ).first()
            else { return nil }
            let expiresAt = try row.decode(column: "expires_at", as: Int64.self)
            guard expiresAt > now else { return nil }
            if expiresAt - now < Self.idleLifetimeMilliseconds - 60_000 {
                try await db.raw(
                    """
                    UPDATE console_sessions SET expires_at = \(bind: now + Self.idleLifetimeMilliseconds) \
                    WHERE session_hash = \(bind: key)
                    """
                ).run()
            }
            return ConsoleSession(
                user: try ConsoleUserStore.user(row),
                formToken: try row.decode(column: "form_token", as: String.self)
            )
        }
    }

    /// Signs the session of `cookie` out.
    package func end(_ cookie: String) async throws {
        try await database.withConnection { db in
            try await db.raw("DELETE FROM console_sessions WHERE session_hash = \(bind: SecureToken.sha256Hex(cookie))")
                .run()
        }
    }

    private static var idleLifetimeMilliseconds: Int64 { idleLifetime.components.seconds * 1000 }
}
