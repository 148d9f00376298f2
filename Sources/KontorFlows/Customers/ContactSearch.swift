import Foundation
import KontorCore
import LexofficeKit

/// Looks for lexoffice contacts of a tenant's customers: one the hub created without confirmation (a write in
/// doubt), and existing contacts a source customer matches before one is created.
struct ContactSearch: Sendable {
    let links: any ContactLinks
    let client: LexofficeClient

    /// The note the hub gives a contact it creates for a source customer without a note of its own: it finds the
    /// contact again after an unknown outcome even when another has the same name, e-mail and address.
    static func marker(forSourceCustomer sourceID: String) -> String { "Kontor: source customer \(sourceID)" }

    /// A contact with the same name, e-mail, billing address and note as `contact` that no other customer of the
    /// tenant is linked to, or `nil`; every page of lexoffice's answer is read. lexoffice's name filter needs 3
    /// characters; shorter names are not searched.
    func unlinkedContact(like contact: Contact, of tenant: TenantID) async throws -> LexofficeID? {
        let name = contact.company?.name ?? contact.person?.lastName ?? ""
        guard name.count >= 3 else { return nil }
        let wanted = ContactSignature(contact)
        let candidates = try client.contacts.pages(ContactFilter(name: name, customer: true)).elements
        for try await candidate in candidates where ContactSignature(candidate) == wanted {
            guard let id = candidate.id, try await !links.isLinked(id.rawValue, of: tenant) else { continue }
            return id
        }
        return nil
    }

    /// The first customer contact no other customer of the tenant is linked to that `customer` matches by the
    /// tenant's rules, tried in order: lexoffice's customer number equals the source's, the business e-mail is one of
    /// the contact's, the name is exactly the contact's. `nil` when none matches.
    func matchingContact(
        for customer: CanonicalCustomer,
        by rules: [CustomerMatching],
        of tenant: TenantID
    ) async throws -> Contact? {
        for rule in rules {
            let filter: ContactFilter
            let accepts: @Sendable (Contact) -> Bool
            switch rule {
            case .customerNumber:
                guard let number = customer.customerNumber.flatMap({ Int($0) }) else { continue }
                filter = ContactFilter(number: number, customer: true)
                accepts = { $0.roles.customer?.number == number }
            case .email:
                guard let email = customer.emails?.business, email.count >= 3 else { continue }
                filter = ContactFilter(email: QueryEncoding.escapeWildcards(email), customer: true)
                accepts = { contact in
                    let addresses = contact.emailAddresses.map {
                        ($0.business ?? []) + ($0.office ?? []) + ($0.private ?? []) + ($0.other ?? [])
                    }
                    return addresses?.contains { $0.caseInsensitiveCompare(email) == .orderedSame } ?? false
                }
            case .name:
                // lexoffice searches company names and person names; the full name must then be the same.
                guard let searched = customer.company?.name ?? customer.person?.lastName, searched.count >= 3 else {
                    continue
                }
                let wanted = Self.fullName(
                    company: customer.company?.name,
                    person: customer.person.map(SourcePersonName.init)
                )
                filter = ContactFilter(name: QueryEncoding.escapeWildcards(searched), customer: true)
                accepts = { contact in
                    Self.fullName(company: contact.company?.name, person: contact.person.map(SourcePersonName.init))
                        == wanted
                }
            }
            for try await candidate in try client.contacts.pages(filter).elements where accepts(candidate) {
                guard let id = candidate.id, try await !links.isLinked(id.rawValue, of: tenant) else { continue }
                return candidate
            }
        }
        return nil
    }

    /// A company's name, or a person's first and last name.
    private static func fullName(company: String?, person: SourcePersonName?) -> String? {
        company ?? person.map { [$0.firstName, $0.lastName].compactMap { $0 }.joined(separator: " ") }
    }
}

/// The name parts of a person on either side.
private struct SourcePersonName {
    var firstName: String?
    var lastName: String

    init(_ person: SourcePerson) {
        firstName = person.firstName
        lastName = person.lastName
    }

    init(_ person: Person) {
        firstName = person.firstName
        lastName = person.lastName
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
