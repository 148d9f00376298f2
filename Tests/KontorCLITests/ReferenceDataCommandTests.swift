import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// `profile`, `ping` and the reference data lists against an in-process sandbox.
@Suite(.timeLimit(.minutes(1)))
struct ReferenceDataCommandTests {
    @Test("profile and ping describe the connection")
    func profileAndPing() async throws {
        try await TestSandbox.run { sandbox in
            let profile = try await CLIRun.kontor(["lexoffice", "profile", "--json"] + sandbox.flags).json()
            #expect(profile["companyName"]?.stringValue == "Sandbox Fahrradwerkstatt GmbH")
            let table = await CLIRun.kontor(["lexoffice", "profile"] + sandbox.flags)
            #expect(table.output.contains("companyName"))

            let ping = await CLIRun.kontor(["lexoffice", "ping"] + sandbox.flags)
            #expect(ping.status == 0)
            #expect(ping.output.hasPrefix("connected as "))
            let pingJSON = try await CLIRun.kontor(["lexoffice", "ping", "--json"] + sandbox.flags).json()
            #expect(pingJSON["userEmail"]?.stringValue != nil)
        }
    }

    @Test(
        "the reference data lists print a JSON array and a table",
        arguments: [
            ("countries", "countryCode", "CODE"), ("payment-conditions", "id", "DAYS"),
            ("posting-categories", "id", "TYPE"), ("print-layouts", "id", "NAME"),
        ]
    )
    func lists(command: String, key: String, header: String) async throws {
        try await TestSandbox.run { sandbox in
            let items = try await CLIRun.kontor(["lexoffice", command, "--json"] + sandbox.flags).json().elements
            #expect(!items.isEmpty)
            #expect(items.allSatisfy { $0[key]?.stringValue != nil })
            let table = await CLIRun.kontor(["lexoffice", command] + sandbox.flags)
            #expect(table.output.hasPrefix(header))
            #expect(table.errors.contains("\(items.count) entr"))
        }
    }
}
