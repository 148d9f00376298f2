import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// `/v1/contacts` through LexofficeKit and raw HTTP: numbering, validation, locking, search and paging.
@Suite(.timeLimit(.minutes(1)))
struct ContactConformanceTests {
    private static func company(_ name: String, email: String? = nil) -> Contact {
        Contact(
            version: 0,
            roles: ContactRoles(customer: CustomerRole()),
            company: Company(name: name),
            addresses: ContactAddresses(billing: [
                ContactAddress(countryCode: "DE", street: "Lindenallee 7", zip: "22041", city: "Hamburg")
            ]),
            emailAddresses: email.map { EmailAddresses(business: [$0]) }
        )
    }

    @Test("a created contact gets version 0, a customer number and a Location header")
    func create() async throws {
        try await SandboxHarness.withSandbox { server, client in
            let result = try await client.contacts.create(try Contact.fixture("contact-create.json"))
            #expect(result.version == 0)
            #expect(result.resourceUri == server.baseURL + "/contacts/\(result.id)")
            let contact = try await client.contacts.get(result.id)
            #expect(contact.roles.customer?.number == 10_000)
            #expect(contact.roles.vendor?.number == 70_000)
            #expect(contact.version == 0)
            #expect(contact.archived == false)
            #expect(contact.organizationId == server.defaultOrganizationID)
            #expect(contact.company?.name == "Radhaus Nord GmbH")

            let raw = try await SandboxHarness.send(
                "POST",
                server.baseURL + "/contacts",
                apiKey: server.defaultAPIKey,
                body: #"{"version":0,"roles":{"customer":{"number":""}},"person":{"lastName":"Beispiel"}}"#
            )
            #expect(raw.status == 201)
            #expect(raw.headers["location"] == raw.json?["resourceUri"]?.stringValue)
            let second = try await client.contacts.get(try LexofficeID(try #require(raw.json?["id"]?.stringValue)))
            #expect(second.roles.customer?.number == 10_001, "a sent number is ignored")
        }
    }

    @Test(
        "invalid contacts are rejected with 406 naming the field in the legacy shape",
        arguments: [
            (#"{"roles":{"customer":{}},"company":{"name":"X GmbH"}}"#, "version", "missing_entity"),
            (#"{"version":0,"company":{"name":"X GmbH"}}"#, "roles", "missing_entity"),
            (#"{"version":0,"roles":{"customer":{}},"company":{"name":""}}"#, "company.name", "missing_entity"),
            (#"{"version":0,"roles":{"customer":{}}}"#, "company", "missing_entity"),
            (
                #"{"version":0,"roles":{"customer":{}},"company":{"name":"X"},"person":{"lastName":"Y"}}"#, "person",
                "invalid_value"
            ),
            (
                #"{"version":0,"roles":{"customer":{}},"person":{"lastName":"Y"},"addresses":{"billing":[{"countryCode":"DE"},{"countryCode":"DE"}]}}"#,
                "addresses.billing.size", "invalid_value"
            ),
            (
                #"{"version":0,"roles":{"customer":{}},"person":{"lastName":"Y"},"addresses":{"billing":[{"city":"Bremen"}]}}"#,
                "addresses.billing[0].countryCode", "missing_entity"
            ),
            (
                #"{"version":0,"roles":{"customer":{}},"person":{"lastName":"Y"},"emailAddresses":{"business":["not-an-email"]}}"#,
                "emailAddresses.business", "invalid_email"
            ),
            (
                #"{"version":0,"roles":{"customer":{}},"person":{"lastName":"Y"},"emailAddresses":{"business":[""]}}"#,
                "emailAddresses.business", "invalid_email"
            ),
            (
                #"{"version":0,"roles":{"customer":{}},"company":{"name":"X","vatRegistrationId":"de123456789"}}"#,
                "company.vatRegistrationId", "invalid_value"
            ),
            (#"{"version":1,"roles":{"customer":{}},"person":{"lastName":"Y"}}"#, "version", "invalid_value"),
        ]
    )
    func validation(body: String, field: String, key: String) async throws {
        try await SandboxHarness.withSandbox { server, _ in
            let response = try await SandboxHarness.send(
                "POST",
                server.baseURL + "/contacts",
                apiKey: server.defaultAPIKey,
                body: body
            )
            #expect(response.status == 406)
            guard case .array(let issues)? = response.json?["IssueList"] else {
                Issue.record("expected an IssueList body, got \(response.text)")
                return
            }
            #expect(issues.contains { $0["source"]?.stringValue == field && $0["i18nKey"]?.stringValue == key })
            #expect(issues.allSatisfy { $0["type"]?.stringValue == "validation_failure" })
        }
    }

    @Test("updates need the current version; a stale one is a version conflict (406 on `version`, as observed live)")
    func optimisticLocking() async throws {
        try await SandboxHarness.withSandbox { _, client in
            let created = try await client.contacts.create(Self.company("Radhaus Nord GmbH"))
            var contact = try await client.contacts.get(created.id)
            contact.note = "Stammkunde"
            let updated = try await client.contacts.update(contact, id: created.id)
            #expect(updated.version == 1)
            let stored = try await client.contacts.get(created.id)
            #expect(stored.note == "Stammkunde")
            #expect(stored.roles.customer?.number == contact.roles.customer?.number, "numbers never change")
            let error = await #expect(throws: LexofficeError.self) {
                try await client.contacts.update(contact, id: created.id)
            }
            #expect(error?.code == .versionConflict)
            #expect(error?.status == 406)
        }
        let documented = SandboxConfiguration(rateLimit: nil, contactVersionConflictAs406: false)
        try await SandboxHarness.withSandbox(documented) { _, client in
            let created = try await client.contacts.create(Self.company("Radhaus Nord GmbH"))
            var contact = try await client.contacts.get(created.id)
            contact.version = 7
            let error = await #expect(throws: LexofficeError.self) {
                try await client.contacts.update(contact, id: created.id)
            }
            #expect(error?.code == .versionConflict)
            #expect(error?.status == 409)
        }
    }

    @Test("search by name and e-mail: substring, case-insensitive, wildcards, escaping and HTML entities")
    func search() async throws {
        try await SandboxHarness.withSandbox { _, client in
            _ = try await client.contacts.create(Self.company("Rad & Tat GmbH", email: "anna.and.jacob@example.com"))
            _ = try await client.contacts.create(Self.company("Radhaus Nord GmbH", email: "a_b@example.com"))
            _ = try await client.contacts.create(Self.company("Werkstatt Süd", email: "azb@example.com"))
            func names(_ filter: ContactFilter) async throws -> [String] {
                try await client.contacts.page(filter, page: PageRequest()).content.compactMap { $0.company?.name }
            }
            #expect(try await names(ContactFilter(name: "Rad & Tat")) == ["Rad & Tat GmbH"])
            #expect(try await names(ContactFilter(name: "radhaus")) == ["Radhaus Nord GmbH"])
            #expect(try await names(ContactFilter(name: "gmbh")) == ["Rad & Tat GmbH", "Radhaus Nord GmbH"])
            #expect(try await names(ContactFilter(email: "a_b@example.com")) == ["Radhaus Nord GmbH", "Werkstatt Süd"])
            #expect(
                try await names(ContactFilter(email: QueryEncoding.escapeWildcards("a_b@example.com"))) == [
                    "Radhaus Nord GmbH"
                ]
            )
            #expect(
                try await names(ContactFilter(email: "a%b@example")) == [
                    "Rad & Tat GmbH", "Radhaus Nord GmbH", "Werkstatt Süd",
                ]
            )
            #expect(try await names(ContactFilter(number: 10_001)) == ["Radhaus Nord GmbH"])
            #expect(try await names(ContactFilter(vendor: true)).isEmpty)
        }
    }

    @Test("short search text and oversized pages are 400 in the legacy shape")
    func badQueries() async throws {
        try await SandboxHarness.withSandbox { server, _ in
            let short = try await SandboxHarness.send(
                "GET",
                server.baseURL + "/contacts?name=ab",
                apiKey: server.defaultAPIKey
            )
            #expect(short.status == 400)
            #expect(short.json?["IssueList"] != nil)
            let large = try await SandboxHarness.send(
                "GET",
                server.baseURL + "/contacts?size=251",
                apiKey: server.defaultAPIKey
            )
            #expect(large.status == 400)
        }
    }

    @Test("pages of contacts are sorted by name and carry the paging fields")
    func paging() async throws {
        try await SandboxHarness.withSandbox { _, client in
            for name in ["Delta AG", "Alpha GmbH", "Echo KG", "Charlie OHG", "Bravo UG"] {
                _ = try await client.contacts.create(Self.company(name))
            }
            let page = try await client.contacts.page(page: PageRequest(page: 1, size: 2))
            #expect(page.content.compactMap { $0.company?.name } == ["Charlie OHG", "Delta AG"])
            #expect(page.totalElements == 5)
            #expect(page.totalPages == 3)
            #expect(page.first == false)
            #expect(page.last == false)
            #expect(page.number == 1)
            #expect(page.sort?.first?.property == "name")
            var all: [String] = []
            for try await contact in try client.contacts.pages(pageSize: 2).elements {
                all.append(contact.company?.name ?? "")
            }
            #expect(all == ["Alpha GmbH", "Bravo UG", "Charlie OHG", "Delta AG", "Echo KG"])
        }
    }
}
