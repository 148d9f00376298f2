import Foundation
import KontorCore
import LexofficeKit

/// Puts lexoffice-side customer changes on the tenant's change feed (DESIGN.md §1 flow 2, lexoffice → source):
/// on `contact.created` and `contact.changed` the contact is read once and offered, unless it is not a customer or
/// it holds exactly what the hub and the source agreed on last (the hub's own write coming back: no echo). An event
/// dated no later than the hub's last write of the contact (lexoffice's `updatedDate` of it, the same clock) is that
/// write coming back, or a change the write's merge took in: it is not even read. On
/// `contact.deleted` the link is removed and the deletion offered. Only while the tenant's customer sync is active
/// and takes lexoffice's changes (`both`, `fromLexoffice`).
package struct ContactEventIntake: LexofficeEventHandling {
    private let feed: any CustomerFeed
    private let tenants: any TenantLookup
    private let connections: any LexofficeConnections

    /// Changes onto `feed`, reading tenants from `tenants` and contacts through `connections`.
    package init(feed: any CustomerFeed, tenants: any TenantLookup, connections: any LexofficeConnections) {
        self.feed = feed
        self.tenants = tenants
        self.connections = connections
    }

    package func handle(
        _ eventType: String,
        resourceID: String,
        occurredAt: Date?,
        of tenantID: TenantID,
        under claim: JobClaim
    ) async throws {
        let kind: CustomerChangeKind
        switch eventType {
        case EventType.contactCreated.rawValue: kind = .created
        case EventType.contactChanged.rawValue: kind = .changed
        case EventType.contactDeleted.rawValue: kind = .deleted
        default: return
        }
        guard let tenant = try await tenants.tenant(tenantID), tenant.isActive,
            tenant.customerSync.takesLexofficeChanges
        else { return }
        let linked = try await feed.customer(linkedTo: resourceID, of: tenantID)
        guard kind != .deleted else {
            if linked != nil { try await feed.unlink(lexofficeID: resourceID, of: tenantID, under: claim) }
            try await feed.offer(
                NewCustomerChange(
                    kind: .deleted,
                    lexofficeID: resourceID,
                    customerNumber: linked?.customerNumber,
                    sourceID: linked?.sourceID,
                    customer: nil
                ),
                of: tenantID,
                under: claim
            )
            return
        }
        // The hub's own write (or a change before it, which the write's merge took in): no need to read it.
        if let written = linked?.lexofficeWrittenAt, let occurredAt, occurredAt <= written { return }
        let contact: Contact
        do {
            contact = try await connections.client(for: tenantID).contacts.get(try LexofficeID(resourceID))
        } catch let error as LexofficeError where error.code == .notFound {
            return  // deleted meanwhile: its own event follows
        }
        guard contact.roles.customer != nil else { return }
        let marker = linked.map { ContactSearch.marker(forSourceCustomer: $0.sourceID) }
        if let agreed = try linked?.agreedCustomer(), Self.contact(contact, holds: agreed, marker: marker) { return }
        try await feed.offer(
            NewCustomerChange(
                kind: kind,
                lexofficeID: resourceID,
                customerNumber: contact.roles.customer?.number.map(String.init),
                sourceID: linked?.sourceID,
                customer: CanonicalCustomer(contact, ignoredNote: marker)
            ),
            of: tenantID,
            under: claim
        )
    }

    /// Whether the contact holds exactly what was agreed (the hub's own write coming back), its marker note aside.
    static func contact(_ contact: Contact, holds agreed: CanonicalCustomer, marker: String?) -> Bool {
        var expected = agreed.applied(to: contact)
        if expected.note == nil, contact.note == marker { expected.note = contact.note }
        return expected == contact
    }
}
