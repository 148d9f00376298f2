import EInvoiceKit
import Foundation
import LexofficeKit

/// The lexoffice contact of an e-invoice's other party (the seller of an incoming, the buyer of an outgoing
/// document): a contact with the party's VAT id among those found by its name, else one with exactly its name (and
/// no other VAT id), else a new contact, created exactly once (a create in doubt is looked up by name first).
struct PartyContact: Sendable {
    let client: LexofficeClient
    let steps: DocumentStepRunner

    /// The party's contact, creating it when there is none.
    func contact(
        for party: InvoiceParty,
        direction: DocumentDirection,
        of document: ForwardedDocument
    ) async throws -> LexofficeID {
        let client = client
        if let found = try await Self.existing(party, client: client) { return found }
        let contact = Self.newContact(for: party, direction: direction)
        return try await steps.run(
            .contact,
            fingerprint: TransferFingerprint.of(contact),
            of: document,
            find: { _ in try await Self.existing(party, client: client) },
            send: { try await client.contacts.create(contact).id }
        )
    }

    /// A contact of the party: by VAT id among the name's matches, else by exact name; `nil` when there is none.
    static func existing(_ party: InvoiceParty, client: LexofficeClient) async throws -> LexofficeID? {
        let name = party.name.trimmingCharacters(in: .whitespaces)
        guard name.count >= 3 else { return nil }
        let vatID = party.vatID.map(normalized)
        var byName: LexofficeID?
        let candidates = try client.contacts.pages(ContactFilter(name: QueryEncoding.escapeWildcards(name))).elements
        for try await candidate in candidates {
            guard let id = candidate.id else { continue }
            let candidateVAT = candidate.company?.vatRegistrationId.map(normalized)
            if let vatID, candidateVAT == vatID { return id }
            let candidateName = candidate.company?.name ?? candidate.person?.lastName ?? ""
            let sameName =
                candidateName.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(name) == .orderedSame
            if byName == nil, sameName, vatID == nil || candidateVAT == nil { byName = id }
        }
        return byName
    }

    /// The contact the hub creates for `party`: a company with its VAT id, a vendor for incoming documents, a
    /// customer for outgoing ones.
    static func newContact(for party: InvoiceParty, direction: DocumentDirection) -> Contact {
        Contact(
            version: 0,
            roles: direction == .incoming ? ContactRoles(vendor: VendorRole()) : ContactRoles(customer: CustomerRole()),
            company: Company(
                name: party.name.trimmingCharacters(in: .whitespaces),
                taxNumber: party.taxNumber,
                vatRegistrationId: party.vatID
            ),
            note: "created by Kontor for a forwarded e-invoice"
        )
    }

    private static func normalized(_ vatID: String) -> String {
        vatID.uppercased().filter { $0.isLetter || $0.isNumber }
    }
}
