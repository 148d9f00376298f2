import Foundation
import KontorCore
import LexofficeKit

/// The lexoffice contact of an invoice's customer: the contact id the source names (read once for its customer
/// number); else the contact linked before; else a new contact, created once (its customer number read back).
/// Either way the link is remembered and its customer number sent to the source with a `customer.linked`
/// callback, once per link.
struct ContactResolver: Sendable {
    /// A contact and, when known, its customer number.
    struct Resolved: Sendable {
        var id: LexofficeID
        var customerNumber: String?
    }

    let records: any TransferRecords
    let steps: TransferStepRunner

    /// The customer's contact, creating it when needed.
    func contact(
        for customer: SourceCustomer,
        of invoice: StoredSourceInvoice,
        client: LexofficeClient
    ) async throws -> Resolved {
        if let named = customer.lexofficeContactId {
            let link = try await records.contactLink(for: customer.sourceId, of: invoice.tenantID)
            if let link, link.lexofficeContactID == named {
                return Resolved(id: try LexofficeID(named), customerNumber: link.customerNumber)
            }
            // Named for the first time (or changed): read its customer number once and remember the link.
            let id = try LexofficeID(named)
            let contact: Contact
            do {
                contact = try await client.contacts.get(id)
            } catch let error as LexofficeError where error.code == .notFound {
                throw FlowProblem(
                    .unknownContact,
                    "lexoffice refused the transfer: the contact \(named) the source names does not exist"
                )
            }
            let number = contact.roles.customer?.number.map(String.init)
            try await records.link(
                ContactLink(sourceCustomerID: customer.sourceId, lexofficeContactID: named, customerNumber: number),
                of: invoice.tenantID,
                under: steps.claim
            )
            return Resolved(id: id, customerNumber: number)
        }
        if let link = try await records.contactLink(for: customer.sourceId, of: invoice.tenantID) {
            return Resolved(id: try LexofficeID(link.lexofficeContactID), customerNumber: link.customerNumber)
        }
        let contact = Self.newContact(for: customer)
        let id = try await steps.run(
            .contact,
            fingerprint: TransferFingerprint.of(contact),
            of: invoice,
            find: { _ in
                try await ContactSearch(links: records, client: client).unlinkedContact(
                    like: contact,
                    of: invoice.tenantID
                )
            },
            send: { try await client.contacts.create(contact).id }
        )
        let number = try await client.contacts.get(id).roles.customer?.number.map(String.init)
        try await records.link(
            ContactLink(sourceCustomerID: customer.sourceId, lexofficeContactID: id.rawValue, customerNumber: number),
            of: invoice.tenantID,
            under: steps.claim
        )
        return Resolved(id: id, customerNumber: number)
    }

    /// The contact the hub creates for `customer`. Its note names the source customer, so that a contact created
    /// without confirmation is found as this customer's even when another has the same name, e-mail and address.
    static func newContact(for customer: SourceCustomer) -> Contact {
        var contact = customer.lexofficeContact()
        contact.note = ContactSearch.marker(forSourceCustomer: customer.sourceId)
        return contact
    }
}
