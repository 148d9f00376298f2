import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// `kontor lexoffice api` (alias `call`) against an in-process sandbox.
@Suite(.timeLimit(.minutes(1)))
struct APICommandTests {
    @Test("api prints lexoffice's body as is; call still works and writes to --output")
    func rawCalls() async throws {
        try await TestSandbox.run { sandbox in
            let created = await CLIRun.kontor(
                ["lexoffice", "api", "POST", "contacts", "--data", "-"] + sandbox.flags,
                input: Data(#"{"version":0,"roles":{"customer":{}},"company":{"name":"Roh GmbH"}}"#.utf8)
            )
            #expect(created.status == 0, "\(created.errors)")
            let id = try #require(try created.json()["id"]?.stringValue)

            let found = try await CLIRun.kontor(
                ["lexoffice", "api", "GET", "contacts", "-q", "name=Roh GmbH"] + sandbox.flags
            ).json()
            #expect(found["content"]?[0]?["id"]?.stringValue == id)

            let output = FileManager.default.temporaryDirectory.appendingPathComponent("contact-\(UUID()).json")
            let call = await CLIRun.kontor(
                ["lexoffice", "call", "GET", "contacts/\(id)", "--output", output.path] + sandbox.flags
            )
            #expect(call.status == 0)
            #expect(call.output.isEmpty)
            let stored = try LexofficeJSON.decode(JSONValue.self, from: try Data(contentsOf: output))
            #expect(stored["company"]?["name"]?.stringValue == "Roh GmbH")
        }
    }

    @Test("an error status prints the body and exits with 3, naming lexoffice's message and trace id")
    func errorStatus() async throws {
        try await TestSandbox.run { sandbox in
            let run = await CLIRun.kontor(
                ["lexoffice", "api", "GET", "invoices/\(UUID().uuidString.lowercased())"] + sandbox.flags
            )
            #expect(run.status == 3)
            #expect(run.errors.contains("HTTP 404"))
            let body = try run.json()
            if let traceID = body["traceId"]?.stringValue { #expect(run.errors.contains("trace id: \(traceID)")) }
        }
    }

    @Test("a path copied from lexoffice's docs (/v1/profile) calls the same endpoint as profile")
    func documentedPath() async throws {
        try await TestSandbox.run { sandbox in
            let plain = await CLIRun.kontor(["lexoffice", "api", "GET", "profile"] + sandbox.flags)
            #expect(plain.status == 0, "\(plain.errors)")
            let profile = try plain.json()
            #expect(profile["organizationId"] != nil)
            for path in ["/v1/profile", "v1/profile", "/profile"] {
                let run = await CLIRun.kontor(["lexoffice", "api", "GET", path] + sandbox.flags)
                #expect(run.status == 0, "\(path): \(run.errors)")
                #expect(run.output == plain.output, "\(path)")
            }
        }
    }

    @Test("bad methods and query parameters are usage errors (exit 2)")
    func validation() async {
        #expect(await CLIRun.kontor(["lexoffice", "api", "PATCH", "profile"]).status == 2)
        #expect(await CLIRun.kontor(["lexoffice", "call", "GET", "x", "-q", "novalue"]).status == 2)
    }
}
