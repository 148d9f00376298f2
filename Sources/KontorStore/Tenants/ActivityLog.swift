import Foundation
import KontorCore
import SQLKit

/// One entry of a tenant's activity log: what the hub did or noticed, for people and audits.
package struct ActivityEntry: Sendable, Equatable, Codable {
    /// Increasing; the cursor for paging.
    package var id: Int64
    /// The tenant.
    package var tenantID: TenantID
    /// When it happened.
    package var at: Date
    /// What happened, dotted: `invoice.transferred`, `connection.connected`, `tenant.activated`.
    package var kind: String
    /// A sentence for people; no secrets.
    package var message: String
    /// Structured details as JSON text (ids, numbers), if any.
    package var details: String?

    private enum CodingKeys: String, CodingKey {
        case id
        case tenantID = "tenant"
        case at, kind, message, details
    }
}

/// The append-only activity log of every tenant.
package struct ActivityLog: Sendable {
    let database: any StoreDatabase
    let clock: any WallClock

    /// A log in `database` (migrated).
    package init(database: any StoreDatabase, clock: any WallClock = SystemWallClock()) {
        self.database = database
        self.clock = clock
    }

    /// Appends an entry (a short write sharing its commit with concurrent ones).
    @discardableResult
    package func append(_ tenant: TenantID, kind: String, message: String, details: String? = nil) async throws -> Int64
    {
        try await database.groupedTransaction { db in
            try await append(tenant, kind: kind, message: message, details: details, in: db)
        }
    }

    /// Appends an entry inside the caller's transaction.
    @discardableResult
    package func append(
        _ tenant: TenantID,
        kind: String,
        message: String,
        details: String? = nil,
        in db: any SQLDatabase
    ) async throws -> Int64 {
        let row = try await db.raw(
            """
            INSERT INTO activity (tenant_id, at, kind, message, details) VALUES (\(bind: tenant.rawValue), \
            \(bind: clock.nowMilliseconds), \(bind: kind), \(bind: message), \(bind: details)) RETURNING id
            """
        ).first()
        guard let row else { throw StoreError(.inconsistent, "the activity entry was not stored") }
        return try row.decode(column: "id", as: Int64.self)
    }

    /// A tenant's entries, newest first, older than `cursor` (an entry id), optionally of one kind.
    package func entries(
        of tenant: TenantID,
        before cursor: Int64? = nil,
        kind: String? = nil,
        limit: Int = 50
    )
        async throws -> [ActivityEntry]
    {
        var query: SQLQueryString = "SELECT * FROM activity WHERE tenant_id = \(bind: tenant.rawValue)"
        if let cursor { query += " AND id < \(bind: cursor)" }
        if let kind { query += " AND kind = \(bind: kind)" }
        query += " ORDER BY id DESC LIMIT \(literal: max(1, min(limit, 1000)))"
        let finalQuery = query
        return try await database.read { db in
            try await db.raw(finalQuery).all().map { row in
                ActivityEntry(
                    id: try row.decode(column: "id", as: Int64.self),
                    tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
                    at: Date(millisecondsSince1970: try row.decode(column: "at", as: Int64.self)),
                    kind: try row.decode(column: "kind", as: String.self),
                    message: try row.decode(column: "message", as: String.self),
                    details: try row.decode(column: "details", as: String?.self)
                )
            }
        }
    }
}
