import Foundation
import InMemoryLogging
import KontorTestSupport
import LexofficeKit
import Logging
import Testing

@Suite(.timeLimit(.minutes(1)))
struct LoggingTests {
    @Test("requests are logged at debug without the API key, query or body")
    func noSecretsInLogs() async throws {
        let handler = InMemoryLogHandler()
        var logger = Logger(label: "test", factory: { _ in handler })
        logger.logLevel = .trace
        try await ScriptedHTTPServer.withServer(.replying { _ in .fixture("contacts-page.json") }) { server in
            let client = TestClients.client(
                for: server,
                credentials: StaticAPIKey("lxo-key-do-not-log"),
                logger: logger
            )
            _ = try await client.contacts.page(ContactFilter(email: "erika@example.org"), page: PageRequest())
        }
        let entries = handler.entries
        #expect(!entries.isEmpty)
        #expect(entries.allSatisfy { $0.level <= .debug })
        let text = entries.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(text.contains("/v1/contacts"))
        #expect(!text.contains("lxo-key-do-not-log"))
        #expect(!text.contains("erika"))
        #expect(!text.contains("Bearer"))
    }
}
