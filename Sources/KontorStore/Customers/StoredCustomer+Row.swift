import Foundation
import KontorCore
import KontorFlows
import SQLKit

extension StoredCustomer {
    /// The columns of a customer with its link: `source_customers` joined with `contact_links`.
    static let selection: SQLQueryString = """
        SELECT c.*, l.lexoffice_contact_id, l.customer_number FROM source_customers c \
        LEFT JOIN contact_links l ON l.tenant_id = c.tenant_id AND l.source_customer_id = c.source_id
        """

    /// Reads a customer from a row of ``selection``.
    init(row: any SQLRow) throws {
        let stateText = try row.decode(column: "sync_state", as: String.self)
        guard let state = CustomerSyncState(rawValue: stateText) else {
            throw StoreError(.inconsistent, "unknown customer sync state '\(stateText)' in the database")
        }
        self.init(
            tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
            sourceID: try row.decode(column: "source_id", as: String.self),
            sequence: try row.decode(column: "id", as: Int64.self),
            content: try row.decode(column: "content", as: String.self),
            contentHash: try row.decode(column: "content_hash", as: String.self),
            state: state,
            stateReason: try row.decode(column: "state_reason", as: String?.self),
            syncedContent: try row.decode(column: "synced_content", as: String?.self),
            syncedHash: try row.decode(column: "synced_hash", as: String?.self),
            syncedAt: try row.decode(column: "synced_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)),
            lexofficeWrittenAt: try row.decode(column: "lexoffice_written_at", as: Int64?.self)
                .map(Date.init(millisecondsSince1970:)),
            lexofficeID: try row.decode(column: "lexoffice_contact_id", as: String?.self),
            customerNumber: try row.decode(column: "customer_number", as: String?.self),
            receivedAt: Date(millisecondsSince1970: try row.decode(column: "received_at", as: Int64.self)),
            contentAt: Date(millisecondsSince1970: try row.decode(column: "content_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self)),
            version: try row.decode(column: "version", as: Int.self)
        )
    }
}
