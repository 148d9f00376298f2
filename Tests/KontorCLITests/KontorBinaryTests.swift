import Foundation
import KontorTestSupport
import LexofficeKit
import LexofficeSandbox
import Testing

/// End-to-end runs of the built `kontor` binary: the sandbox it starts and the lexoffice commands against it.
@Suite(.timeLimit(.minutes(1)))
struct KontorBinaryTests {
    private static let binary = builtExecutable(named: "kontor")

    /// Runs `kontor` with `arguments` to completion and returns exit code and output.
    private static func run(
        _ binary: URL,
        _ arguments: [String],
        environment: [String: String] = [:]
    ) throws -> (Int32, String, String) {
        let run = try SpawnedProcess.runToCompletion(
            binary,
            arguments: arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { $1 }
        )
        return (run.status, run.output, run.errors)
    }

    /// A new file in the temp folder for what a process prints.
    private static func outputFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kontor-\(name)-\(UUID().uuidString).log")
    }

    @Test("kontor sandbox prints its base URL and key, serves kontor lexoffice, and stops cleanly on SIGINT")
    func sandboxAndLexofficeCommands() async throws {
        guard let binary = Self.binary else {
            Issue.record("the kontor binary is missing: build it with swift build --build-tests")
            return
        }
        let output = Self.outputFile("sandbox")
        defer { try? FileManager.default.removeItem(at: output) }
        let sandbox = try SpawnedProcess(
            binary,
            arguments: ["sandbox", "--port", "0", "--api-key", "binary-test-key"],
            standardOutput: .file(output.path)
        )
        defer { sandbox.send(SIGKILL) }

        var printed = ""
        #expect(
            try await eventually(timeout: .seconds(30)) {
                printed = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
                return printed.contains("API key:")
            }
        )
        let baseURL = try #require(
            printed.split(separator: "\n").first { $0.contains("base URL:") }?.split(separator: " ").last.map(
                String.init
            )
        )
        #expect(baseURL.hasPrefix("http://127.0.0.1:"))
        #expect(printed.contains("binary-test-key"))

        let environment = ["LEXOFFICE_API_KEY": "binary-test-key"]
        let ping = try Self.run(binary, ["lexoffice", "ping", "--base-url", baseURL], environment: environment)
        #expect(ping.0 == 0)
        #expect(ping.1.hasPrefix("connected as "))
        let profile = try Self.run(
            binary,
            ["lexoffice", "profile", "--json", "--base-url", baseURL],
            environment: environment
        )
        #expect(profile.0 == 0)
        #expect(profile.1.contains("\"companyName\" : \"Sandbox Fahrradwerkstatt GmbH\""))
        let missing = try Self.run(
            binary,
            ["lexoffice", "call", "GET", "contacts/\(UUID().uuidString.lowercased())", "--base-url", baseURL],
            environment: environment
        )
        #expect(missing.0 == 3)
        #expect(missing.2.contains("404"))
        let wrongKey = try Self.run(
            binary,
            ["lexoffice", "ping", "--base-url", baseURL],
            environment: ["LEXOFFICE_API_KEY": "nope"]
        )
        #expect(wrongKey.0 == 3)
        #expect(!wrongKey.2.contains("nope"), "the key is never printed")

        sandbox.send(SIGINT)
        #expect(await sandbox.waitForExit(timeout: .seconds(20)) == 0, "SIGINT shuts the sandbox down gracefully")
    }

    @Test("events watch subscribes, and on SIGINT unsubscribes and exits with 0")
    func watchStopsOnSIGINT() async throws {
        guard let binary = Self.binary else {
            Issue.record("the kontor binary is missing: build it with swift build --build-tests")
            return
        }
        try await TestSandbox.run { sandbox in
            let errors = Self.outputFile("watch")
            defer { try? FileManager.default.removeItem(at: errors) }
            let watch = try SpawnedProcess(
                binary,
                arguments: ["lexoffice", "events", "watch", "--event", "invoice.created"] + sandbox.flags,
                standardError: .file(errors.path)
            )
            defer { watch.send(SIGKILL) }

            let client = sandbox.client
            #expect(
                try await eventually(timeout: .seconds(30)) { try await client.eventSubscriptions.list().count == 1 }
            )
            watch.send(SIGINT)
            #expect(await watch.waitForExit(timeout: .seconds(20)) == 0, "SIGINT stops the watch gracefully")
            #expect(try await client.eventSubscriptions.list().isEmpty, "the subscription is deleted on the way out")
            let printed = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            #expect(printed.contains("watching invoice.created"))
        }
    }
}
