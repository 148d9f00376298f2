import ArgumentParser
import Foundation
import LexofficeSandbox
import Logging
import ServiceLifecycle
import UnixSignals

/// `kontor sandbox`: runs the local lexoffice simulator until SIGINT or SIGTERM.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local lexoffice simulator: the public API, webhooks, OAuth2 and admin hooks.",
        discussion: "Prints the base URL and the default organization's API key, then serves until Ctrl-C."
    )

    /// The port `kontor sandbox` listens on unless told otherwise (`kontor lexoffice --sandbox` connects there).
    static let defaultPort = 8089

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port (0 picks a free one).")
    var port: Int = SandboxCommand.defaultPort

    @Option(help: "Requests per second per API key; 0 turns the rate limit off.")
    var rateLimit: Double = 2

    @Option(help: "How many requests a key may send at once before the rate applies.")
    var burst: Int = 2

    @Option(help: "Use this API key for the default organization instead of a random one.")
    var apiKey: String?

    @Flag(help: "Approve OAuth2 authorization requests at once instead of showing the consent page.")
    var oauthAutoApprove = false

    @Flag(help: "Require new event subscriptions' callback URLs to answer a HEAD request, as lexoffice does.")
    var checkCallbacks = false

    @Option(help: "Scale the webhook retry schedule (1 = real time; 0.001 turns 10 s into 10 ms).")
    var webhookTimeScale: Double = 1

    @Option(help: "Keep the data in this JSON file across restarts (loaded at start, saved every 30 s and at exit).")
    var state: String?

    // lexoffice behaviour that is unconfirmed: the defaults are the sandbox's best guess.

    @Option(help: "Status for a stale version on PUT /v1/contacts/{id}: 406 (observed live) or 409 (documented).")
    var contactVersionConflict: Int = 406

    @Flag(help: "Accept dunnings only for overdue invoices (lexoffice's rule is unconfirmed; off: any finalized one).")
    var dunningRequiresOverdueInvoice = false

    @Flag(
        inversion: .prefixedNo,
        help: "Replace the OAuth2 refresh token on every refresh, so the old one stops working (unconfirmed)."
    )
    var rotateRefreshTokens = true

    @Option(help: "How long an OAuth2 access token is valid, in seconds (expires_in).")
    var accessTokenLifetime: Int = 3600

    @Option(help: "How long the simulated OCR of an uploaded receipt takes, in seconds.")
    var ocrSeconds: Double = 1

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard rateLimit >= 0 else { throw ValidationError("--rate-limit must not be negative") }
        guard burst >= 1 else { throw ValidationError("--burst must be at least 1") }
        guard webhookTimeScale > 0 else { throw ValidationError("--webhook-time-scale must be greater than 0") }
        guard [406, 409].contains(contactVersionConflict) else {
            throw ValidationError("--contact-version-conflict must be 406 or 409")
        }
        guard accessTokenLifetime >= 1 else { throw ValidationError("--access-token-lifetime must be at least 1") }
        guard ocrSeconds >= 0 else { throw ValidationError("--ocr-seconds must not be negative") }
    }

    /// The simulator's settings from the options.
    var sandboxConfiguration: SandboxConfiguration {
        SandboxConfiguration(
            host: host,
            port: port,
            rateLimit: rateLimit > 0 ? rateLimit : nil,
            rateLimitBurst: burst,
            defaultAPIKey: apiKey,
            contactVersionConflictAs406: contactVersionConflict == 406,
            webhookTimeScale: webhookTimeScale,
            ocrDuration: .seconds(ocrSeconds),
            oauthAutoApprove: oauthAutoApprove,
            oauthAccessTokenLifetime: .seconds(accessTokenLifetime),
            oauthRotateRefreshTokens: rotateRefreshTokens,
            stateFile: state,
            checksCallbackURLs: checkCallbacks,
            dunningRequiresOverdueInvoice: dunningRequiresOverdueInvoice
        )
    }

    func run() async throws {
        var logger = Logger(label: "kontor.sandbox")
        logger.logLevel = .info
        let server = try SandboxServer(
            configuration: sandboxConfiguration,
            logger: logger,
            onListening: { server in
                let announcement = """
                    lexoffice sandbox listening
                      base URL: \(server.baseURL)
                      API key:  \(server.defaultAPIKey)
                      admin:    \(server.baseURL.dropLast("/v1".count))/_sandbox

                    """
                // Unbuffered, so scripts reading the output see it at once.
                FileHandle.standardOutput.write(Data(announcement.utf8))
            }
        )
        let group = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}
