import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// `kontor lexoffice contacts …` against an in-process sandbox.
@Suite(.timeLimit(.minutes(1)))
struct ContactsCommandTests {
    @Test("create from flags, then get, search and the table agree")
    func createGetSearch() async throws {
        try await TestSandbox.run { sandbox in
            let created = await CLIRun.kontor(
                [
                    "lexoffice", "contacts", "create", "--company", "Radhaus Nord GmbH", "--email", "info@radhaus.de",
                    "--customer", "--json",
                ] + sandbox.flags
            )
            #expect(created.status == 0, "\(created.errors)")
            let id = try #require(try created.json()["id"]?.stringValue)

            let fetched = try await CLIRun.kontor(["lexoffice", "contacts", "get", id, "--json"] + sandbox.flags).json()
            #expect(fetched["company"]?["name"]?.stringValue == "Radhaus Nord GmbH")
            #expect(fetched["emailAddresses"]?["business"]?[0]?.stringValue == "info@radhaus.de")
            #expect(fetched["roles"]?["customer"]?["number"] != nil)
            #expect(fetched["roles"]?["vendor"] == nil)

            let found = try await CLIRun.kontor(
                ["lexoffice", "contacts", "search", "--name", "radhaus", "--json"] + sandbox.flags
            ).json()
            #expect(found.elements.map { $0["id"]?.stringValue } == [id])

            let table = await CLIRun.kontor(["lexoffice", "contacts", "search", "--customer"] + sandbox.flags)
            #expect(table.status == 0)
            #expect(table.output.hasPrefix("CUSTOMER  VENDOR  NAME"))
            #expect(table.output.contains("Radhaus Nord GmbH"))
            #expect(table.errors.contains("1 entry"))
        }
    }

    @Test("create takes JSON from standard input and from a file, with flags on top")
    func createFromJSON() async throws {
        try await TestSandbox.run { sandbox in
            let person = Data(#"{"person": {"firstName": "Jana", "lastName": "Kraus"}, "note": "aus stdin"}"#.utf8)
            let fromInput = await CLIRun.kontor(
                ["lexoffice", "contacts", "create", "--data", "-", "--vendor", "--json"] + sandbox.flags,
                input: person
            )
            #expect(fromInput.status == 0, "\(fromInput.errors)")
            let personID = try LexofficeID(try #require(try fromInput.json()["id"]?.stringValue))
            let stored = try await sandbox.client.contacts.get(personID)
            #expect(stored.person?.lastName == "Kraus")
            #expect(stored.note == "aus stdin")
            #expect(stored.roles.vendor?.number != nil)

            let fromFile = await CLIRun.kontor(
                [
                    "lexoffice", "contacts", "create", "--data", "@" + TestSandbox.fixture("contact-create.json"),
                    "--note", "from the flag", "--json",
                ] + sandbox.flags
            )
            #expect(fromFile.status == 0, "\(fromFile.errors)")
            let fileID = try LexofficeID(try #require(try fromFile.json()["id"]?.stringValue))
            #expect(try await sandbox.client.contacts.get(fileID).note == "from the flag")
        }
    }

    @Test("update reads the current version, merges the patch and the flags, and removes null members")
    func update() async throws {
        try await TestSandbox.run { sandbox in
            let created = try await sandbox.client.contacts.create(
                Contact(
                    version: 0,
                    roles: ContactRoles(customer: CustomerRole()),
                    company: Company(name: "Velo Süd"),
                    note: "alt"
                )
            )
            let id = created.id.rawValue
            let first = await CLIRun.kontor(
                [
                    "lexoffice", "contacts", "update", id, "--email", "neu@velo.de", "--data", #"{"note": null}"#,
                    "--json",
                ] + sandbox.flags
            )
            #expect(first.status == 0, "\(first.errors)")
            let second = await CLIRun.kontor(
                ["lexoffice", "contacts", "update", id, "--company", "Velo Süd GmbH", "--vendor"] + sandbox.flags
            )
            #expect(second.status == 0, "\(second.errors)")
            #expect(second.output.contains("version"))

            let stored = try await sandbox.client.contacts.get(created.id)
            #expect(stored.company?.name == "Velo Süd GmbH")
            #expect(stored.emailAddresses?.business == ["neu@velo.de"])
            #expect(stored.note == nil)
            #expect(stored.roles.customer != nil && stored.roles.vendor != nil)
            #expect(stored.version == 2)
        }
    }

    @Test("a stale --if-version is refused by lexoffice as a version conflict (exit 3)")
    func versionConflict() async throws {
        try await TestSandbox.run { sandbox in
            let created = try await sandbox.client.contacts.create(
                Contact(version: 0, roles: ContactRoles(customer: CustomerRole()), company: Company(name: "Alt GmbH"))
            )
            let id = created.id.rawValue
            #expect(
                await CLIRun.kontor(["lexoffice", "contacts", "update", id, "--note", "1"] + sandbox.flags).status == 0
            )
            let stale = await CLIRun.kontor(
                ["lexoffice", "contacts", "update", id, "--note", "2", "--if-version", "0"] + sandbox.flags
            )
            #expect(stale.status == 3)
            #expect(stale.errors.contains("version-conflict"))
            #expect(stale.errors.contains("field version"))
        }
    }

    @Test("a rejected field is named (406, exit 3); missing roles and bad ids are usage errors (exit 2)")
    func validation() async throws {
        try await TestSandbox.run { sandbox in
            let invalid = await CLIRun.kontor(
                ["lexoffice", "contacts", "create", "--customer", "--company", "Mail GmbH", "--email", "kein-at"]
                    + sandbox.flags
            )
            #expect(invalid.status == 3)
            #expect(invalid.errors.contains("validation-failed (HTTP 406)"))
            #expect(invalid.errors.contains("emailAddresses"))

            let noRole = await CLIRun.kontor(
                ["lexoffice", "contacts", "create", "--company", "X GmbH"] + sandbox.flags
            )
            #expect(noRole.status == 2)
            #expect(noRole.errors.contains("--customer"))

            let badID = await CLIRun.kontor(["lexoffice", "contacts", "get", "not-a-uuid"] + sandbox.flags)
            #expect(badID.status == 2)
            #expect(badID.errors.contains("invalid-argument"))

            let missing = await CLIRun.kontor(
                ["lexoffice", "contacts", "get", UUID().uuidString.lowercased()] + sandbox.flags
            )
            #expect(missing.status == 3)
            #expect(missing.errors.contains("not-found (HTTP 404)"))
        }
    }

    @Test("long listings read every page and report progress on standard error; --limit stops early")
    func paging() async throws {
        try await TestSandbox.run { sandbox in
            for number in 1...252 {
                let contact = Contact(
                    version: 0,
                    roles: ContactRoles(customer: CustomerRole()),
                    company: Company(name: "Kunde \(number)")
                )
                let response = try await sandbox.admin(
                    "contacts",
                    body: String(decoding: try LexofficeJSON.encode(contact), as: UTF8.self)
                )
                try #require(response.status == 201)
            }
            let all = await CLIRun.kontor(["lexoffice", "contacts", "search", "--json"] + sandbox.flags)
            #expect(try all.json().elements.count == 252)
            #expect(all.errors.contains("read 250 of 252 contacts"))

            let limited = await CLIRun.kontor(
                ["lexoffice", "contacts", "search", "--limit", "3", "--json"] + sandbox.flags
            )
            #expect(try limited.json().elements.count == 3)
            #expect(limited.errors.isEmpty)
        }
    }
}
