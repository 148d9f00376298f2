import ArgumentParser
import LexofficeSandbox
import Testing

@testable import kontor

/// `kontor sandbox` options, including the switches for lexoffice behaviour that is unconfirmed.
struct SandboxCommandTests {
    @Test("without options the sandbox behaves as lexoffice is assumed to")
    func defaults() throws {
        let configuration = try SandboxCommand.parse([]).sandboxConfiguration
        #expect(configuration.port == 8089)
        #expect(configuration.rateLimit == 2)
        #expect(configuration.contactVersionConflictAs406)
        #expect(!configuration.dunningRequiresOverdueInvoice)
        #expect(configuration.oauthRotateRefreshTokens)
        #expect(configuration.oauthAccessTokenLifetime == .seconds(3600))
        #expect(configuration.ocrDuration == .seconds(1))
    }

    @Test("every unconfirmed behaviour can be switched from the command line")
    func switches() throws {
        let configuration = try SandboxCommand.parse([
            "--rate-limit", "0", "--contact-version-conflict", "409", "--dunning-requires-overdue-invoice",
            "--no-rotate-refresh-tokens", "--access-token-lifetime", "60", "--ocr-seconds", "0.25",
        ]).sandboxConfiguration
        #expect(configuration.rateLimit == nil)
        #expect(!configuration.contactVersionConflictAs406)
        #expect(configuration.dunningRequiresOverdueInvoice)
        #expect(!configuration.oauthRotateRefreshTokens)
        #expect(configuration.oauthAccessTokenLifetime == .seconds(60))
        #expect(configuration.ocrDuration == .milliseconds(250))
    }

    @Test(
        "values outside their range are refused",
        arguments: [
            ["--contact-version-conflict", "400"], ["--access-token-lifetime", "0"], ["--ocr-seconds", "-1"],
            ["--port", "70000"],
        ]
    )
    func refused(arguments: [String]) {
        #expect(throws: (any Error).self) { try SandboxCommand.parse(arguments) }
    }
}
