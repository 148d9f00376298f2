import Foundation
import KontorCore
import SQLKit

/// One tenant's health at a glance, for the console's tenants list.
package struct TenantOverview: Sendable, Equatable {
    /// The tenant.
    package var id: TenantID
    /// Its name.
    package var name: String
    /// Whether it is active.
    package var isActive: Bool
    /// Its lexoffice connection's status (`connected`, `reconnect-needed`), `nil` when it has none.
    package var connectionStatus: String?
    /// The lexoffice company it is connected to.
    package var companyName: String?
    /// When an invoice was last transferred.
    package var lastTransferAt: Date?
    /// Invoices whose transfer failed (waiting for a retry).
    package var failedInvoices: Int
    /// Jobs waiting or running.
    package var backlog: Int
}

/// Reads the tenants list with each tenant's health in one query per page (no query per tenant), searched by id or
/// name, paged by position.
package struct TenantOverviewStore: Sendable {
    let database: any StoreDatabase

    /// A reader of `database` (migrated).
    package init(database: any StoreDatabase) {
        self.database = database
    }

    /// The tenants whose id or name contains `search` (any case), ordered by id, `limit` from `offset` on.
    package func tenants(matching search: String?, offset: Int, limit: Int) async throws -> [TenantOverview] {
        let pattern = "%" + Self.escapedForLike(search?.lowercased() ?? "") + "%"
        return try await database.read { db in
            try await db.raw(
                """
                SELECT t.id, t.name, t.is_active, c.status AS connection_status, c.company_name, \
                (SELECT MAX(s.updated_at) FROM source_invoices s \
                WHERE s.tenant_id = t.id AND s.transfer_state = 'transferred') AS last_transfer_at, \
                (SELECT COUNT(*) FROM source_invoices s \
                WHERE s.tenant_id = t.id AND s.transfer_state = 'failed') AS failed_invoices, \
                (SELECT COUNT(*) FROM jobs j WHERE j.tenant_id = t.id AND j.state IN ('queued', 'running')) AS backlog \
                FROM tenants t LEFT JOIN connections c ON c.tenant_id = t.id \
                WHERE LOWER(t.id) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(t.name) LIKE \(bind: pattern) ESCAPE '\\' \
                ORDER BY t.id LIMIT \(literal: max(1, min(limit, 500))) OFFSET \(literal: max(0, offset))
                """
            ).all().map(Self.overview)
        }
    }

    private static func overview(_ row: any SQLRow) throws -> TenantOverview {
        TenantOverview(
            id: TenantID(try row.decode(column: "id", as: String.self)),
            name: try row.decode(column: "name", as: String.self),
            isActive: try row.decode(column: "is_active", as: Bool.self),
            connectionStatus: try row.decode(column: "connection_status", as: String?.self),
            companyName: try row.decode(column: "company_name", as: String?.self),
            lastTransferAt: try row.decode(column: "last_transfer_at", as: Int64?.self)
                .map(Date.init(millisecondsSince1970:)),
            failedInvoices: try row.decode(column: "failed_invoices", as: Int.self),
            backlog: try row.decode(column: "backlog", as: Int.self)
        )
    }

    /// `text` with LIKE's wildcards escaped (by a backslash), so a search for `50%` finds "50%".
    private static func escapedForLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
