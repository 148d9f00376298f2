import Foundation
import LexofficeKit
import LexofficeSandbox
import Testing

/// The exit codes scripts rely on: 0 ok, 2 usage, 3 lexoffice, 4 network.
@Suite(.timeLimit(.minutes(1)))
struct ExitCodeTests {
    @Test("a wrong API key is a lexoffice error (exit 3) and the key is never printed")
    func badKey() async throws {
        try await TestSandbox.run { sandbox in
            let run = await CLIRun.kontor(
                [
                    "lexoffice", "contacts", "search", "--base-url", sandbox.baseURL, "--api-key", "geheim-falsch",
                    "--retries", "0",
                ]
            )
            #expect(run.status == 3)
            #expect(run.errors.contains("unauthorized (HTTP 401)"))
            #expect(!run.errors.contains("geheim-falsch"))
            #expect(!run.output.contains("geheim-falsch"))
        }
    }

    @Test("a rate limit that outlasts the retries is a lexoffice error (exit 3)")
    func rateLimited() async throws {
        try await TestSandbox.run(rateLimit: 0.001) { sandbox in
            #expect(await CLIRun.kontor(["lexoffice", "ping"] + sandbox.flags).status == 0)
            let run = await CLIRun.kontor(["lexoffice", "ping"] + sandbox.flags)
            #expect(run.status == 3)
            #expect(run.errors.contains("rate-limited (HTTP 429)"))
        }
    }

    @Test("no connection is a network error (exit 4)")
    func network() async {
        let run = await CLIRun.kontor(
            [
                "lexoffice", "profile", "--base-url", "http://127.0.0.1:1/v1", "--api-key", "k", "--retries", "0",
                "--timeout", "2",
            ]
        )
        #expect(run.status == 4)
        #expect(run.errors.contains("connection-failed"))
    }

    @Test("usage errors exit with 2, help with 0")
    func usage() async {
        #expect(await CLIRun.kontor(["lexoffice", "contacts", "frobnicate"]).status == 2)
        #expect(await CLIRun.kontor(["lexoffice", "ping", "--sandbox", "--base-url", "http://x/v1"]).status == 2)
        #expect(await CLIRun.kontor(["lexoffice", "events", "watch", "--api-key", "k"]).status == 2)
        let help = await CLIRun.kontor(["lexoffice", "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("credit-notes"))
        #expect(help.output.contains("payment-conditions"))
    }

    @Test(
        "without any API key the command says where to put one (exit 2)",
        .enabled(if: ProcessInfo.processInfo.environment["LEXOFFICE_API_KEY"] == nil, "LEXOFFICE_API_KEY is set")
    )
    func missingKey() async {
        let run = await CLIRun.kontor(["lexoffice", "ping", "--sandbox"])
        #expect(run.status == 2)
        #expect(run.errors.contains("LEXOFFICE_API_KEY"))
    }
}
