import Foundation
import HTTPTypes
import KontorTestSupport
import LexofficeKit
import Testing

/// A source customer sent for the first time is matched to an existing lexoffice contact by the tenant's rules, in
/// the order the tenant gives them, instead of being created again.
@Suite("Customer sync: matching rules and their order", .timeLimit(.minutes(2)))
struct CustomerMatchingTests {
    /// The lexoffice contacts each case can match: one found only by its customer number, one by the e-mail
    /// address, one by the exact name.
    enum Candidate: String, CaseIterable, Sendable {
        case byNumber, byEmail, byName
    }

    @Test(
        "the first rule in the tenant's order that finds an unlinked contact links it; a rule that finds nothing passes on",
        arguments: [
            (#"["customerNumber","email","name"]"#, "own", Candidate.byNumber),
            (#"["email","name"]"#, "own", Candidate.byEmail),
            (#"["name","email"]"#, "own", Candidate.byName),
            (#"["customerNumber","name"]"#, "99999", Candidate.byName),
        ]
    )
    func order(matching: String, customerNumber: String, expected: Candidate) async throws {
        try await HubHarness.with { hub in
            try await CustomerSyncTests.syncingTenant(hub, sync: #""active":true,"matching":\#(matching)"#)
            let client = CustomerSyncTests.lexoffice(hub)
            let contacts = try await Self.candidates(in: client)
            let numberOfByNumber = try await client.contacts.get(contacts[.byNumber]!).roles.customer?.number
            let number = customerNumber == "own" ? String(try #require(numberOfByNumber)) : customerNumber
            let customer = """
                {"company":{"name":"Rad & Tat GmbH"},"emails":{"business":"rechnung@radtat.example"},\
                "customerNumber":"\(number)"}
                """
            #expect(try await hub.send(.put, "/api/v1/tenants/acme/customers/c-1", json: customer).status == 202)
            #expect(try await hub.runWorkers { try await CustomerSyncTests.isSynced(hub, "c-1") })
            let linked = try await CustomerSyncTests.stored(hub, "c-1")["lexofficeId"] as? String
            #expect(
                linked == contacts[expected]?.rawValue,
                "expected \(expected), linked \(String(describing: linked))"
            )
            let all = try await client.contacts.page(ContactFilter(customer: true), page: PageRequest())
            #expect(all.content.count == Candidate.allCases.count, "no contact created")
        }
    }

    @Test("with no rule matching, the customer gets a contact of its own even if one has its name")
    func noRuleCreates() async throws {
        try await HubHarness.with { hub in
            try await CustomerSyncTests.syncingTenant(hub, sync: #""active":true,"matching":["customerNumber"]"#)
            let client = CustomerSyncTests.lexoffice(hub)
            let contacts = try await Self.candidates(in: client)
            let customer = #"{"company":{"name":"Rad & Tat GmbH"},"emails":{"business":"rechnung@radtat.example"}}"#
            #expect(try await hub.send(.put, "/api/v1/tenants/acme/customers/c-1", json: customer).status == 202)
            #expect(try await hub.runWorkers { try await CustomerSyncTests.isSynced(hub, "c-1") })
            let linked = try #require(try await CustomerSyncTests.stored(hub, "c-1")["lexofficeId"] as? String)
            #expect(!contacts.values.map(\.rawValue).contains(linked))
        }
    }

    /// Creates the three candidate contacts in the sandbox; their ids.
    private static func candidates(in client: LexofficeClient) async throws -> [Candidate: LexofficeID] {
        var ids: [Candidate: LexofficeID] = [:]
        for candidate in Candidate.allCases {
            let contact =
                switch candidate {
                case .byNumber:
                    Contact(
                        version: 0,
                        roles: ContactRoles(customer: CustomerRole()),
                        company: Company(name: "Werkstatt Nord")
                    )
                case .byEmail:
                    Contact(
                        version: 0,
                        roles: ContactRoles(customer: CustomerRole()),
                        company: Company(name: "Rad und Tat (alt)"),
                        emailAddresses: EmailAddresses(business: ["rechnung@radtat.example"])
                    )
                case .byName:
                    Contact(
                        version: 0,
                        roles: ContactRoles(customer: CustomerRole()),
                        company: Company(name: "Rad & Tat GmbH")
                    )
                }
            ids[candidate] = try await client.contacts.create(contact).id
        }
        return ids
    }
}
