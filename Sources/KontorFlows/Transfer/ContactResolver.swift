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
            find: { _ in try await find(contact, tenant: invoice.tenantID, client: client) },
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
        contact.note = "Kontor: source customer \(customer.sourceId)"
        return contact
    }

    /// A contact with the same name, e-mail, billing address and note (naming the source customer) that no other
    /// customer of the tenant is linked to, or `nil`; every page of lexoffice's answer is read. lexoffice's name
    /// filter needs 3 characters; shorter names are not searched.
    private func find(_ contact: Contact, tenant: TenantID, client: LexofficeClient) async throws -> LexofficeID? {
        let name = contact.company?.name ?? contact.person?.lastName ?? ""
        guard name.count >= 3 else { return nil }
        let wanted = ContactSignature(contact)
        let candidates = try client.contacts.pages(ContactFilter(name: name, customer: true)).elements
        for try await candidate in candidates where ContactSignature(candidate) == wanted {
            guard let id = candidate.id, try await !records.isLinked(id.rawValue, of: tenant) else { continue }
            return id
        }
        return nil
    }
}

/// What identifies a contact the hub created: names, first business e-mail, first billing address, and the note
/// naming the source customer.
private struct ContactSignature: Equatable {
    var company: String?
    var firstName: String?
    var lastName: String?
    var email: String?
    var street: String?
    var zip: String?
    var city: String?
    var note: String?

    init(_ contact: Contact) {
        company = contact.company?.name
        firstName = contact.person?.firstName
        lastName = contact.person?.lastName
        email = contact.emailAddresses?.business?.first
        let address = contact.addresses?.billing?.first
        street = address?.street
        zip = address?.zip
        city = address?.city
        note = contact.note
    }
}
