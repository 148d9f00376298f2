import ArgumentParser
import Foundation
import KontorTestSupport
import Testing

@testable import kontor

@Suite(.timeLimit(.minutes(1)))
struct LexofficeCommandTests {
    private static func keyFile() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-key-\(UUID().uuidString)").path
        try Data("cli-key\n".utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("call sends the request with the key from a file and writes the body to the output file")
    func call() async throws {
        let body = #"{"organizationId":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","companyName":"Rad & Tat GmbH"}"#
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(200, body) }) { server in
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID().uuidString).json")
            let command = try Kontor.parseAsRoot([
                "lexoffice", "call", "get", "profile", "-q", "a=b c", "--base-url", server.baseURL + "/v1",
                "--api-key-file", try Self.keyFile(), "--output", output.path,
            ])
            guard let call = command as? LexofficeCallCommand else {
                Issue.record("parsed \(type(of: command)), expected the call command")
                return
            }
            try await call.run()
            #expect(String(decoding: try Data(contentsOf: output), as: UTF8.self) == body)
            let request = try #require(server.requests.first)
            #expect(request.uri == "/v1/profile?a=b%20c")
            #expect(request.header("Authorization") == "Bearer cli-key")
        }
    }

    @Test("an error status makes the command fail")
    func errorStatus() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(404, #"{"message":"nope"}"#) }) { server in
            let call = try #require(
                try Kontor.parseAsRoot([
                    "lexoffice", "call", "GET", "invoices/x", "--base-url", server.baseURL + "/v1",
                    "--api-key-file", try Self.keyFile(),
                ]) as? LexofficeCallCommand
            )
            let error = await #expect(throws: CommandFailure.self) { try await call.run() }
            #expect(error?.description.contains("404") == true)
        }
    }

    @Test("ping prints nothing secret and fails clearly on a bad key")
    func ping() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(401, #"{"message":"Unauthorized"}"#) }) {
            server in
            let ping = try #require(
                try Kontor.parseAsRoot([
                    "lexoffice", "ping", "--base-url", server.baseURL + "/v1", "--api-key-file", try Self.keyFile(),
                ]) as? LexofficePingCommand
            )
            let error = await #expect(throws: CommandFailure.self) { try await ping.run() }
            #expect(error?.description.contains("unauthorized") == true)
            #expect(error?.description.contains("cli-key") == false)
        }
    }

    @Test("bad arguments are rejected before anything is sent")
    func validation() {
        #expect(throws: (any Error).self) { try Kontor.parseAsRoot(["lexoffice", "call", "PATCH", "profile"]) }
        #expect(throws: (any Error).self) {
            try Kontor.parseAsRoot(["lexoffice", "call", "GET", "x", "-q", "novalue"])
        }
    }
}
