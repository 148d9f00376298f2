import Foundation
import KontorCore
import SQLKit

/// The web console's users. Passwords arrive hashed (bcrypt, by the caller): this store never sees one.
package struct ConsoleUserStore: Sendable {
    let database: any StoreDatabase
    let clock: any WallClock

    /// A store in `database` (migrated).
    package init(database: any StoreDatabase, clock: any WallClock = SystemWallClock()) {
        self.database = database
        self.clock = clock
    }

    /// Whether `username` is acceptable: 1–64 of a-z, 0-9, `.`, `_`, `-` and `@` (an e-mail address fits).
    package static func isValidUsername(_ username: String) -> Bool {
        (1...64).contains(username.count)
            && username.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || ".-_@".contains($0)) }
    }

    /// Creates a user.
    /// - Throws: ``StoreError`` `conflict` when the name is taken, `not-found` when a tenant user's tenant does not
    ///   exist.
    package func create(username: String, scope: APITokenScope, passwordHash: String?) async throws -> ConsoleUser {
        let name = username.lowercased()
        let now = clock.nowMilliseconds
        let tenantID: String? =
            switch scope {
            case .partner: nil
            case .tenant(let tenant): tenant.rawValue
            }
        return try await database.transaction { db in
            if try await db.raw("SELECT id FROM console_users WHERE username = \(bind: name)").first() != nil {
                throw StoreError(.duplicate, "there is a console user '\(name)' already")
            }
            if let tenantID, try await db.raw("SELECT id FROM tenants WHERE id = \(bind: tenantID)").first() == nil {
                throw StoreError(.unknownTenant, "tenant '\(tenantID)' does not exist")
            }
            let row = try await db.raw(
                """
                INSERT INTO console_users (username, password_hash, role, tenant_id, created_at, updated_at) \
                VALUES (\(bind: name), \(bind: passwordHash), \(bind: tenantID == nil ? "partner" : "tenant"), \
                \(bind: tenantID), \(bind: now), \(bind: now)) RETURNING id
                """
            ).first()
            guard let row else { throw StoreError(.inconsistent, "the new console user has no id") }
            return ConsoleUser(
                id: try row.decode(column: "id", as: Int64.self),
                username: name,
                scope: scope,
                passwordHash: passwordHash,
                createdAt: Date(millisecondsSince1970: now)
            )
        }
    }

    /// The user named `username` (any case), if there is one.
    package func user(named username: String) async throws -> ConsoleUser? {
        try await database.withConnection { db in
            try await db.raw("SELECT * FROM console_users WHERE username = \(bind: username.lowercased())").first()
                .map(Self.user)
        }
    }

    /// The user with `id`, if there is one.
    package func user(_ id: Int64) async throws -> ConsoleUser? {
        try await database.withConnection { db in
            try await db.raw("SELECT * FROM console_users WHERE id = \(bind: id)").first().map(Self.user)
        }
    }

    /// Every user, partner users first, then by name.
    package func list() async throws -> [ConsoleUser] {
        try await database.withConnection { db in
            try await db.raw("SELECT * FROM console_users ORDER BY role, username").all().map(Self.user)
        }
    }

    /// Replaces a user's password hash and signs the user out everywhere (a changed password ends other sessions).
    /// - Returns: whether the user exists.
    @discardableResult
    package func setPasswordHash(_ hash: String, of id: Int64) async throws -> Bool {
        try await database.transaction { db in
            let changed = try await db.raw(
                """
                UPDATE console_users SET password_hash = \(bind: hash), updated_at = \(bind: clock.nowMilliseconds) \
                WHERE id = \(bind: id) RETURNING id
                """
            ).first()
            try await db.raw("DELETE FROM console_sessions WHERE user_id = \(bind: id)").run()
            return changed != nil
        }
    }

    static func user(_ row: any SQLRow) throws -> ConsoleUser {
        let tenant = try row.decode(column: "tenant_id", as: String?.self)
        return ConsoleUser(
            id: try row.decode(column: "id", as: Int64.self),
            username: try row.decode(column: "username", as: String.self),
            scope: tenant.map { .tenant(TenantID($0)) } ?? .partner,
            passwordHash: try row.decode(column: "password_hash", as: String?.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self))
        )
    }
}
