import Foundation
import KontorCore
import KontorFlows
import SQLKit

/// The tenants' contact links in `contact_links`, shared by the invoice transfer's and the customer sync's
/// ledgers (each forwards its ``ContactLinks`` port here).
struct ContactLinkTable: Sendable {
    let queue: JobQueue
    let outbox: CallbackOutbox

    /// The links in `queue`'s database.
    init(queue: JobQueue) {
        self.queue = queue
        outbox = CallbackOutbox(queue: queue)
    }

    private var database: any StoreDatabase { queue.database }
    private var now: Int64 { queue.clock.nowMilliseconds }

    /// The lexoffice contact linked to the tenant's source customer, or `nil`.
    func contactLink(for sourceCustomerID: String, of tenant: TenantID) async throws -> ContactLink? {
        try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM contact_links WHERE tenant_id = \(bind: tenant.rawValue) \
                AND source_customer_id = \(bind: sourceCustomerID)
                """
            ).first().map { row in
                ContactLink(
                    sourceCustomerID: sourceCustomerID,
                    lexofficeContactID: try row.decode(column: "lexoffice_contact_id", as: String.self),
                    customerNumber: try row.decode(column: "customer_number", as: String?.self)
                )
            }
        }
    }

    /// Whether a link of the tenant already points to `lexofficeContactID` (a contact found in doubt must not be
    /// another customer's).
    func isLinked(_ lexofficeContactID: String, of tenant: TenantID) async throws -> Bool {
        try await database.read { db in
            try await db.raw(
                """
                SELECT 1 AS linked FROM contact_links WHERE tenant_id = \(bind: tenant.rawValue) \
                AND lexoffice_contact_id = \(bind: lexofficeContactID)
                """
            ).first() != nil
        }
    }

    /// Links the tenant's source customer to a lexoffice contact (replacing a link to another contact), and tells
    /// the source the contact and its customer number with a `customer.linked` callback (in the same commit).
    /// Linking the same contact again changes nothing.
    func link(_ link: ContactLink, of tenant: TenantID, under claim: JobClaim) async throws {
        let kind = database.kind
        try await database.groupedTransaction { [now, outbox] db in
            try await claim.verify(for: tenant, in: db, kind: kind)
            let inserted = try await db.raw(
                """
                INSERT INTO contact_links (tenant_id, source_customer_id, lexoffice_contact_id, customer_number, \
                created_at) VALUES (\(bind: tenant.rawValue), \(bind: link.sourceCustomerID), \
                \(bind: link.lexofficeContactID), \(bind: link.customerNumber), \(bind: now)) \
                ON CONFLICT (tenant_id, source_customer_id) DO UPDATE SET \
                lexoffice_contact_id = excluded.lexoffice_contact_id, customer_number = excluded.customer_number, \
                created_at = excluded.created_at \
                WHERE contact_links.lexoffice_contact_id <> excluded.lexoffice_contact_id RETURNING tenant_id
                """
            ).first()
            guard inserted != nil else { return }
            try await outbox.enqueue(
                "customer.linked",
                data: try KontorJSON.text(
                    of: [
                        "sourceCustomerId": link.sourceCustomerID, "lexofficeContactId": link.lexofficeContactID,
                        "customerNumber": link.customerNumber,
                    ] as [String: String?]
                ),
                for: tenant,
                in: db
            )
        }
    }
}
