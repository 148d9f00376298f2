import Foundation
import KontorTestSupport
import LexofficeKit
import LexofficeSandbox
import Testing

/// Receivers answering 3xx: lexoffice follows at most 3 redirects and never retries a redirect
/// (event-subscriptions.md, "Delivery, retries and automatic unsubscription").
@Suite(.timeLimit(.minutes(1)))
struct WebhookRedirectTests {
    /// `/a1` … `/a4` and `/b1` … `/b5` redirect to the next number (307 keeps the POST), `/a4` and `/b5`
    /// answer 200; `/c` answers 302 without a `Location`.
    private static let script = ScriptedHTTPServer.Script.replying { request in
        let path = request.path
        if path == "/c" { return .respond(status: 302, headers: [], body: []) }
        guard let series = path.dropFirst().first, let number = Int(path.dropFirst(2)) else { return .json(404, "{}") }
        let last = series == "a" ? 4 : 5
        if number >= last { return .json(200, "{}") }
        return .respond(status: 307, headers: [("Location", "/\(series)\(number + 1)")], body: [])
    }

    @Test("3 redirects are followed; a 4th, or a 3xx without target, fails without retry or unsubscription")
    func redirects() async throws {
        try await ScriptedHTTPServer.withServer(Self.script) { receiver in
            let configuration = SandboxConfiguration(rateLimit: nil, webhookTimeScale: 0.001)
            try await SandboxHarness.withSandbox(configuration) { _, client in
                for path in ["a1", "b1", "c"] {
                    _ = try await client.eventSubscriptions.create(
                        NewEventSubscription(eventType: .contactCreated, callbackUrl: receiver.baseURL + "/" + path)
                    )
                }
                _ = try await client.contacts.create(
                    Contact(version: 0, roles: ContactRoles(customer: CustomerRole()), person: Person(lastName: "Kühn"))
                )
                let expected = ["/a1", "/a2", "/a3", "/a4", "/b1", "/b2", "/b3", "/b4", "/c"]
                #expect(try await eventually { receiver.requests.count >= expected.count })
                // Waiting for an absence: a retry would come 10 ms after a failure; 300 ms show that none does.
                try await Task.sleep(for: .milliseconds(300))
                #expect(receiver.requests.map(\.path).sorted() == expected)
                #expect(receiver.requests.allSatisfy { $0.method == "POST" })
                #expect(try await client.eventSubscriptions.list().count == 3, "a redirect never unsubscribes")
            }
        }
    }
}
