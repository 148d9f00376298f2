import Foundation
import KontorTestSupport
import LexofficeKit
import LexofficeSandbox
import Synchronization
import Testing

/// Webhook delivery: signed compact bodies, the retry schedule under a time scale, unsubscription rules.
@Suite(.timeLimit(.minutes(2)))
struct WebhookDeliveryTests {
    private static func subscribe(
        _ client: LexofficeClient,
        _ eventType: EventType,
        to receiver: ScriptedHTTPServer
    ) async throws {
        _ = try await client.eventSubscriptions.create(
            NewEventSubscription(eventType: eventType, callbackUrl: receiver.baseURL + "/hooks")
        )
    }

    private static func customer() -> Contact {
        Contact(version: 0, roles: ContactRoles(customer: CustomerRole()), company: Company(name: "Radhaus Nord GmbH"))
    }

    @Test("a created contact is announced with a compact body that verifies with the published key")
    func signedDelivery() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(200, "{}") }) { receiver in
            try await SandboxHarness.withSandbox { server, client in
                try await Self.subscribe(client, .contactCreated, to: receiver)
                let created = try await client.contacts.create(Self.customer())
                #expect(try await eventually { receiver.requests.count == 1 })
                let request = try #require(receiver.requests.first)
                let keyResponse = try await SandboxHarness.send(
                    "GET",
                    server.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/public-key.pem"),
                    apiKey: nil
                )
                let verifier = try WebhookSignatureVerifier(publicKeyPEM: keyResponse.text)
                let callback = try verifier.verifiedCallback(
                    body: Data(request.body),
                    signature: request.header("X-Lxo-Signature")
                )
                #expect(callback.eventType == .contactCreated)
                #expect(callback.resourceId == created.id)
                #expect(callback.organizationId == server.defaultOrganizationID)
                let body = String(decoding: request.body, as: UTF8.self)
                #expect(body.hasPrefix(#"{"organizationId":""#))
                #expect(body.contains(#"","eventType":"contact.created","resourceId":""#))
                #expect(!body.contains(" ") && !body.contains("\n"))
                #expect(request.header("Content-Type") == "application/json")
                #expect(server.webhookPublicKeyPEM == keyResponse.text)
            }
        }
    }

    @Test("a finalized credit note for an invoice announces the invoice's status and payment changes")
    func salesVoucherEvents() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(200, "{}") }) { receiver in
            try await SandboxHarness.withSandbox { _, client in
                for eventType in [EventType.invoiceCreated, .invoiceStatusChanged, .paymentChanged, .creditNoteCreated]
                {
                    try await Self.subscribe(client, eventType, to: receiver)
                }
                typealias Sales = SalesVoucherConformanceTests
                let invoiceID = try await client.invoices.create(
                    try Sales.invoice([Sales.line("Wartung", 1, net: 100, rate: 19)]),
                    finalize: true
                ).id
                let creditNote = CreditNote(
                    voucherDate: try Sales.day("2025-03-14"),
                    address: SalesVoucherAddress(name: "Muster Werkstatt GmbH", countryCode: "DE"),
                    lineItems: [Sales.line("Storno", 1, net: 100, rate: 19)],
                    totalPrice: TotalPrice(currency: .euro),
                    taxConditions: TaxConditions(taxType: .net)
                )
                let noteID = try await client.creditNotes.create(
                    creditNote,
                    finalize: true,
                    precedingSalesVoucherID: invoiceID
                ).id
                #expect(try await eventually { receiver.requests.count == 4 })
                let events = try receiver.requests.map { request in
                    try JSONDecoder().decode(WebhookCallback.self, from: Data(request.body))
                }
                #expect(
                    Set(events.map { "\($0.eventType):\($0.resourceId)" }) == [
                        "invoice.created:\(invoiceID)", "invoice.status.changed:\(invoiceID)",
                        "payment.changed:\(invoiceID)", "credit-note.created:\(noteID)",
                    ]
                )
            }
        }
    }

    @Test("failures are retried on the documented schedule; 410 unsubscribes at once")
    func retriesAndGone() async throws {
        let calls = Mutex(0)
        let script = ScriptedHTTPServer.Script.replying { request in
            if request.path == "/gone" { return .json(410, "{}") }
            let call = calls.withLock { count in
                count += 1
                return count
            }
            return call <= 3 ? .json(503, "{}") : .json(200, "{}")
        }
        try await ScriptedHTTPServer.withServer(script) { receiver in
            let configuration = SandboxConfiguration(rateLimit: nil, webhookTimeScale: 0.002)
            try await SandboxHarness.withSandbox(configuration) { _, client in
                try await Self.subscribe(client, .contactCreated, to: receiver)
                let gone = try await client.eventSubscriptions.create(
                    NewEventSubscription(eventType: .contactCreated, callbackUrl: receiver.baseURL + "/gone")
                )
                _ = try await client.contacts.create(Self.customer())
                // Required: the spacing below reads four arrivals.
                try #require(try await eventually { receiver.requests.filter { $0.path == "/hooks" }.count == 4 })
                let arrivals = receiver.requests.filter { $0.path == "/hooks" }.map(\.receivedAt)
                // 10 s, 20 s, 40 s scaled by 0.002: 20 ms, 40 ms, 80 ms.
                for (index, wait) in [Duration.milliseconds(20), .milliseconds(40), .milliseconds(80)].enumerated() {
                    #expect(arrivals[index + 1] - arrivals[index] >= wait)
                }
                #expect(try await eventually { try await client.eventSubscriptions.list().count == 1 })
                #expect(try await client.eventSubscriptions.list().allSatisfy { $0.subscriptionId != gone.id })
            }
        }
    }

    @Test("a receiver answering 404 every time loses its subscription after all 26 attempts")
    func notFoundUnsubscribes() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(404, "{}") }) { receiver in
            // 30 min + 19 × 2 h of the schedule shrink to about 1.4 s.
            let configuration = SandboxConfiguration(rateLimit: nil, webhookTimeScale: 0.00001)
            try await SandboxHarness.withSandbox(configuration) { _, client in
                try await Self.subscribe(client, .contactCreated, to: receiver)
                _ = try await client.contacts.create(Self.customer())
                #expect(
                    try await eventually(timeout: .seconds(60)) { try await client.eventSubscriptions.list().isEmpty }
                )
                #expect(receiver.requests.count == 26)
            }
        }
    }
}

extension WebhookDeliveryTests {
    @Test("an uploaded receipt is announced with voucher.created once OCR has finished")
    func uploadAnnouncedAfterOCR() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(200, "{}") }) { receiver in
            let configuration = SandboxConfiguration(rateLimit: nil, ocrDuration: .milliseconds(300))
            try await SandboxHarness.withSandbox(configuration) { _, client in
                try await Self.subscribe(client, .voucherCreated, to: receiver)
                let upload = try await client.files.upload(
                    try FileUpload(data: Data("%PDF-1.4 x".utf8), fileName: "beleg.pdf")
                )
                let voucherID = try #require(upload.voucherId)
                #expect(try await client.vouchers.get(voucherID).voucherStatus == .blank)
                #expect(receiver.requests.isEmpty, "nothing is announced while OCR runs")
                #expect(try await eventually { receiver.requests.count == 1 })
                let callback = try JSONDecoder().decode(
                    WebhookCallback.self,
                    from: Data(try #require(receiver.requests.first).body)
                )
                #expect(callback.resourceId == voucherID)
                #expect(try await client.vouchers.get(voucherID).voucherStatus == .unchecked)
            }
        }
    }
}

extension WebhookDeliveryTests {
    @Test("with callback checks on, an unreachable callback URL is refused with 406 and a reachable one accepted")
    func callbackCheck() async throws {
        // Refuses connections for the whole test; a port found free by stopping a server can be taken by another
        // test's server meanwhile (seen in CI: the "unreachable" URL answered).
        let unreachable = try RefusingPort()
        defer { unreachable.close() }
        let stopped = "http://127.0.0.1:\(unreachable.port)"
        try await ScriptedHTTPServer.withServer(.replying { _ in .respond(status: 200, headers: [], body: []) }) {
            receiver in
            let configuration = SandboxConfiguration(rateLimit: nil, checksCallbackURLs: true)
            try await SandboxHarness.withSandbox(configuration) { server, client in
                // The sandbox tries an unreachable URL for up to 5 s: more than the usual timeout leaves under load.
                let patient = SandboxHarness.client(
                    for: server,
                    apiKey: server.defaultAPIKey,
                    requestTimeout: .seconds(60)
                )
                let refused = await #expect(throws: LexofficeError.self) {
                    try await patient.eventSubscriptions.create(
                        NewEventSubscription(eventType: .contactCreated, callbackUrl: stopped + "/hooks")
                    )
                }
                #expect(refused?.code == .validationFailed)
                try await Self.subscribe(client, .contactCreated, to: receiver)
                #expect(receiver.requests.map(\.method) == ["HEAD"])
            }
        }
    }
}
