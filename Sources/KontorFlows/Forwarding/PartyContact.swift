import EInvoiceKit
import Foundation
import LexofficeKit

/// The lexoffice contact of an e-invoice's other party (the seller of an incoming, the buyer of an outgoing
/// document), VAT id first: a contact with the party's VAT id, else one with exactly its name (and no other VAT id),
/// else a new contact, created exactly once (a create in doubt is looked up the same way first).
///
/// lexoffice's contact list has no VAT id filter (`GET /v1/contacts` filters by `email`, `name`, `number`,
/// `customer`, `vendor`), so the VAT id is looked for first among the name's matches (one request), then in the
/// contact list itself, page by page, up to ``vatScanLimit`` contacts: a contact whose name is spelt differently is
/// found while the organization has at most that many contacts (a new party costs up to 4 more requests once; its
/// next documents find the created contact by name). Beyond the bound, a differently spelt contact is not found and
/// a new one is created.
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

    /// How many contacts the VAT id is looked for among beyond the name's matches (4 pages of 250).
    static let vatScanLimit = 1000

    /// A contact of the party: by VAT id (among the name's matches, then in the contact list), else by exact name;
    /// `nil` when there is none.
    static func existing(_ party: InvoiceParty, client: LexofficeClient) async throws -> LexofficeID? {
        let name = party.name.trimmingCharacters(in: .whitespaces)
        let vatID = party.vatID.map(normalized).flatMap { $0.isEmpty ? nil : $0 }
        var byName: LexofficeID?
        if name.count >= 3 {
            let candidates = try client.contacts.pages(ContactFilter(name: QueryEncoding.escapeWildcards(name)))
                .elements
            for try await candidate in candidates {
                guard let id = candidate.id else { continue }
                let candidateVAT = candidate.company?.vatRegistrationId.map(normalized)
                if let vatID, candidateVAT == vatID { return id }
                let candidateName = candidate.company?.name ?? candidate.person?.lastName ?? ""
                let sameName =
                    candidateName.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(name) == .orderedSame
                if byName == nil, sameName, vatID == nil || candidateVAT == nil { byName = id }
            }
        }
        if let vatID, let found = try await byVATID(vatID, client: client) { return found }
        return byName
    }

    /// The first of the first ``vatScanLimit`` contacts (lexoffice's order) with the VAT id `vatID` (normalized).
    private static func byVATID(_ vatID: String, client: LexofficeClient) async throws -> LexofficeID? {
        var scanned = 0
        for try await contact in try client.contacts.pages().elements {
            if let id = contact.id, contact.company?.vatRegistrationId.map(normalized) == vatID { return id }
            scanned += 1
            if scanned >= vatScanLimit { break }
        }
        return nil
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
