import Foundation
import KontorCore

/// What happened to a lexoffice contact, as the change feed offers it to the source.
package enum CustomerChangeKind: String, Sendable, Codable, CaseIterable {
    /// Created in lexoffice (not by the hub).
    case created
    /// Changed in lexoffice (not by the hub).
    case changed
    /// Deleted in lexoffice; a link to it is removed.
    case deleted
    /// Offered by the first sync: a contact lexoffice held when the sync was activated.
    case existing
}

/// A change of a lexoffice customer contact to put on the tenant's change feed.
package struct NewCustomerChange: Sendable, Equatable {
    /// What happened.
    package var kind: CustomerChangeKind
    /// The lexoffice contact.
    package var lexofficeID: String
    /// lexoffice's customer number.
    package var customerNumber: String?
    /// The source customer linked to the contact, if any.
    package var sourceID: String?
    /// The contact in the canonical form; `nil` for a deleted one.
    package var customer: CanonicalCustomer?

    /// A change.
    package init(
        kind: CustomerChangeKind,
        lexofficeID: String,
        customerNumber: String?,
        sourceID: String?,
        customer: CanonicalCustomer?
    ) {
        self.kind = kind
        self.lexofficeID = lexofficeID
        self.customerNumber = customerNumber
        self.sourceID = sourceID
        self.customer = customer
    }
}

/// An entry of a tenant's change feed: a change and its cursor (the source resumes after it).
package struct CustomerChange: Sendable, Equatable {
    /// The entry's position; entries of a tenant are in increasing order.
    package var cursor: Int64
    /// The change.
    package var change: NewCustomerChange
    /// When the hub learned of it.
    package var recordedAt: Date

    /// An entry.
    package init(cursor: Int64, change: NewCustomerChange, recordedAt: Date) {
        self.cursor = cursor
        self.change = change
        self.recordedAt = recordedAt
    }
}

extension CustomerChange: Encodable {
    /// The entry as the feed and the `customer.changed` callback show it: every member, `null` when absent; the
    /// cursor as text (pass it as `after`).
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(String(cursor), forKey: .cursor)
        try container.encode(change.kind.rawValue, forKey: .kind)
        try container.encode(change.lexofficeID, forKey: .lexofficeId)
        try container.encode(change.customerNumber, forKey: .customerNumber)
        try container.encode(change.sourceID, forKey: .sourceId)
        try container.encode(change.customer, forKey: .customer)
        try container.encode(recordedAt, forKey: .recordedAt)
    }

    private enum CodingKeys: String, CodingKey {
        case cursor, kind, lexofficeId, customerNumber, sourceId, customer, recordedAt
    }
}
