import Foundation
import LexofficeKit
import LexofficeSandbox

/// An in-process sandbox on 127.0.0.1 (port 0) for the CLI tests, and the flags that point `kontor` at it.
enum TestSandbox {
    /// Runs `body` against a fresh sandbox; the rate limit is off unless given.
    static func run<Result: Sendable>(
        rateLimit: Double? = nil,
        contactVersionConflictAs406: Bool = true,
        body: (SandboxServer) async throws -> Result
    ) async throws -> Result {
        let configuration = SandboxConfiguration(
            rateLimit: rateLimit,
            rateLimitBurst: 1,
            contactVersionConflictAs406: contactVersionConflictAs406,
            webhookTimeScale: 0.001,
            ocrDuration: .milliseconds(10)
        )
        return try await SandboxServer.withRunningServer(configuration, body: body)
    }

    /// A raw lexoffice sample from `Tests/Fixtures/lexoffice`, as the path `--data @PATH` takes.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/lexoffice/\(name)").path
    }
}

extension SandboxServer {
    /// `--base-url` and `--api-key` of this sandbox, pacing and retries off.
    var flags: [String] {
        ["--base-url", baseURL, "--api-key", defaultAPIKey, "--rate", "0", "--retries", "0"]
    }

    /// A LexofficeKit client for the default organization, to arrange and check what the CLI did.
    var client: LexofficeClient {
        LexofficeClient(
            configuration: LexofficeClientConfiguration(baseURL: baseURL, requestsPerSecond: 0, retryPolicy: .none),
            credentials: StaticAPIKey(defaultAPIKey),
            pacerRegistry: RequestPacerRegistry()
        )
    }

    /// `POST /_sandbox/{path}` with the default key: what a person does in the lexoffice web app.
    func admin(_ path: String, body: String = "{}") async throws -> LexofficeResponse {
        let root = LexofficeClient(
            configuration: LexofficeClientConfiguration(
                baseURL: String(baseURL.dropLast("/v1".count)) + "/_sandbox",
                requestsPerSecond: 0,
                retryPolicy: .none
            ),
            credentials: StaticAPIKey(defaultAPIKey),
            pacerRegistry: RequestPacerRegistry()
        )
        return try await root.raw("POST", path: path, body: Data(body.utf8))
    }
}
