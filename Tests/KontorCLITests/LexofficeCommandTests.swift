import ArgumentParser
import Foundation
import KontorTestSupport
import Testing

@testable import kontor

/// What `kontor lexoffice` puts on the wire, seen by a scripted HTTP server.
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
            defer { try? FileManager.default.removeItem(at: output) }
            let key = try Self.keyFile()
            defer { try? FileManager.default.removeItem(atPath: key) }
            let run = await CLIRun.kontor([
                "lexoffice", "call", "get", "profile", "-q", "a=b c", "--base-url", server.baseURL + "/v1",
                "--api-key-file", key, "--output", output.path,
            ])
            #expect(run.status == 0)
            #expect(String(decoding: try Data(contentsOf: output), as: UTF8.self) == body)
            let request = try #require(server.requests.first)
            #expect(request.uri == "/v1/profile?a=b%20c")
            #expect(request.header("Authorization") == "Bearer cli-key")
        }
    }

    @Test(
        "a gateway message that echoes the Authorization header is not printed",
        arguments: [["ping"], ["api", "GET", "x"]]
    )
    func gatewayMessage(command: [String]) async throws {
        let echo = #"{"message":"Invalid key=value pair in Authorization header: 'Bearer cli-key'"}"#
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(403, echo) }) { server in
            let key = try Self.keyFile()
            defer { try? FileManager.default.removeItem(atPath: key) }
            let run = await CLIRun.kontor(
                ["lexoffice"] + command + ["--base-url", server.baseURL + "/v1", "--api-key-file", key]
            )
            #expect(run.status == 3)
            #expect(run.errors.contains("403"))
            #expect(!run.errors.contains("cli-key"))
        }
    }

    @Test("--sandbox points at kontor sandbox's default port; without it the production API is the default")
    func connection() throws {
        let options = try LexofficeConnectionOptions.parse(["--sandbox", "--api-key", "k"])
        #expect(options.resolvedBaseURL == "http://127.0.0.1:8089/v1")
        #expect(try LexofficeConnectionOptions.parse([]).resolvedBaseURL == "https://api.lexware.io/v1")
    }
}
