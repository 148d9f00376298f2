import Foundation
import KontorTestSupport
import LexofficeKit
import LexofficeSandbox
import Testing

/// `/_sandbox/faults`: lexoffice's failure modes on demand, seen through LexofficeKit.
@Suite(.timeLimit(.minutes(1)))
struct FaultInjectionTests {
    private static func inject(_ server: SandboxServer, _ rule: String) async throws {
        let url = server.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/faults")
        let response = try await SandboxHarness.send("POST", url, apiKey: nil, body: rule)
        #expect(response.status == 201)
    }

    private static func contact(_ name: String) -> Contact {
        Contact(version: 0, roles: ContactRoles(customer: CustomerRole()), company: Company(name: name))
    }

    @Test("a 503 before execution is retried for a GET and reported for a POST, which was not executed")
    func failBeforeExecution() async throws {
        try await SandboxHarness.withSandbox { server, client in
            try await Self.inject(
                server,
                #"{"path":"/v1/contacts","method":"POST","action":"failBeforeExecution","status":503,"remaining":1}"#
            )
            let error = await #expect(throws: LexofficeError.self) {
                try await client.contacts.create(Self.contact("Eins GmbH"))
            }
            #expect(error?.status == 503)
            #expect(try await client.contacts.page(page: PageRequest()).content.isEmpty, "nothing was executed")
            _ = try await client.contacts.create(Self.contact("Eins GmbH"))  // the fault was used up
            #expect(try await client.contacts.page(page: PageRequest()).content.count == 1)
        }
    }

    @Test("504 after execution: the SDK reports outcome unknown, and the contact exists")
    func timeoutAfterExecution() async throws {
        try await SandboxHarness.withSandbox { server, client in
            try await Self.inject(
                server,
                #"{"path":"/v1/contacts","method":"POST","action":"timeoutAfterExecution","remaining":1}"#
            )
            let error = await #expect(throws: LexofficeError.self) {
                try await client.contacts.create(Self.contact("Zwei GmbH"))
            }
            #expect(error?.code == .outcomeUnknown)
            let found = try await client.contacts.page(ContactFilter(name: "Zwei GmbH"), page: PageRequest())
            #expect(found.content.count == 1, "the write happened: reconcile instead of retrying")
        }
    }

    @Test("a connection dropped after execution is outcome unknown too")
    func dropAfterExecution() async throws {
        try await SandboxHarness.withSandbox { server, client in
            try await Self.inject(
                server,
                #"{"path":"/v1/contacts","method":"POST","action":"dropAfterExecution","remaining":1}"#
            )
            let error = await #expect(throws: LexofficeError.self) {
                try await client.contacts.create(Self.contact("Drei GmbH"))
            }
            #expect(error?.code == .outcomeUnknown)
            #expect(
                try await client.contacts.page(ContactFilter(name: "Drei GmbH"), page: PageRequest()).content.count == 1
            )
        }
    }

    @Test("account_number_already_exists and a replication delay behave as integrators report")
    func contactQuirks() async throws {
        try await SandboxHarness.withSandbox { server, client in
            try await Self.inject(
                server,
                #"{"path":"/v1/contacts","method":"POST","action":"accountNumberAlreadyExists","remaining":1}"#
            )
            let error = await #expect(throws: LexofficeError.self) {
                try await client.contacts.create(Self.contact("Vier GmbH"))
            }
            guard case .legacy(let issues)? = error?.body else {
                Issue.record("expected a legacy body")
                return
            }
            #expect(issues.first?.i18nKey == "account_number_already_exists")
            try await Self.inject(
                server,
                #"{"path":"/v1/contacts","method":"POST","action":"replicationDelay","delayMilliseconds":3000,"remaining":1}"#
            )
            let created = try await client.contacts.create(Self.contact("Fünf GmbH"))
            let hidden = await #expect(throws: LexofficeError.self) { try await client.contacts.get(created.id) }
            #expect(hidden?.code == .notFound)
            // 3 s: long enough that a loaded CI machine still reads before it ends, short for the test.
            #expect(try await eventually(timeout: .seconds(15)) { (try? await client.contacts.get(created.id)) != nil })
        }
    }

    @Test("a lost answer with a replication lag: the invoice exists but stays out of the voucherlist and reads")
    func lostAnswerWithLag() async throws {
        try await SandboxHarness.withSandbox { server, client in
            try await Self.inject(
                server,
                #"{"path":"/v1/invoices","method":"POST","action":"timeoutAfterExecution","delayMilliseconds":3000,"remaining":1}"#
            )
            let invoice = try SalesVoucherConformanceTests.invoice([
                SalesVoucherConformanceTests.line("Wartung", 1, net: 100, rate: 19)
            ])
            let error = await #expect(throws: LexofficeError.self) {
                try await client.invoices.create(invoice, finalize: true)
            }
            #expect(error?.code == .outcomeUnknown)
            let listed = {
                try await client.voucherList.page(
                    VoucherListFilter(voucherTypes: .only([.invoice]), voucherStatuses: .any),
                    page: PageRequest()
                ).content
            }
            #expect(try await listed().isEmpty, "the created invoice is not listed while the lag lasts")
            // 3 s: long enough that a loaded CI machine still lists before it ends, short for the test.
            #expect(try await eventually(timeout: .seconds(15)) { try await listed().count == 1 })
            let id = try #require(try await listed().first?.id)
            #expect(try await client.invoices.get(id).voucherStatus == .open)
            #expect(
                try await SandboxHarness.send(
                    "POST",
                    server.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/faults"),
                    apiKey: nil,
                    body: #"{"path":"/v1/x","action":"timeoutAfterExecution","delayMilliseconds":-1}"#
                ).status == 400,
                "a negative lag is refused"
            )
        }
    }

    @Test("a probability spares some matching requests: 0 never, 1 always, about half at 0.5; out of range is 400")
    func probability() async throws {
        try await SandboxHarness.withSandbox { server, _ in
            let profile = server.baseURL + "/profile"
            func failures(_ count: Int) async throws -> Int {
                var failed = 0
                for _ in 0..<count {
                    let answer = try await SandboxHarness.send("GET", profile, apiKey: server.defaultAPIKey)
                    if answer.status == 503 { failed += 1 }
                }
                return failed
            }
            let url = server.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/faults")
            let never = #"{"path":"/v1/profile","action":"failBeforeExecution","probability":0}"#
            try await Self.inject(server, never)
            #expect(try await failures(50) == 0)
            #expect(try await SandboxHarness.send("DELETE", url, apiKey: nil).status == 204)
            try await Self.inject(
                server,
                #"{"path":"/v1/profile","action":"failBeforeExecution","probability":1,"remaining":3}"#
            )
            #expect(try await failures(10) == 3, "always, until the count is used up")
            try await Self.inject(server, #"{"path":"/v1/profile","action":"failBeforeExecution","probability":0.5}"#)
            // 400 draws at p = 0.5: mean 200, standard deviation 10; 100…300 fails only by chance of ~1e-20.
            #expect((100...300).contains(try await failures(400)))
            let invalid = #"{"path":"/v1/profile","action":"latency","probability":1.5}"#
            #expect(try await SandboxHarness.send("POST", url, apiKey: nil, body: invalid).status == 400)
        }
    }

    @Test("latency delays the answer; faults can be listed and cleared")
    func latencyAndClearing() async throws {
        try await SandboxHarness.withSandbox { server, client in
            // 1.5 s: far above what a request takes on a loaded CI machine, so the cleared case below is no race.
            try await Self.inject(server, #"{"path":"/v1/profile","action":"latency","latencyMilliseconds":1500}"#)
            let started = ContinuousClock.now
            _ = try await client.profile()
            #expect(ContinuousClock.now - started >= .milliseconds(1500))
            let url = server.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/faults")
            guard case .array(let rules)? = try await SandboxHarness.send("GET", url, apiKey: nil).json else {
                Issue.record("expected a list of faults")
                return
            }
            #expect(rules.count == 1)
            #expect(try await SandboxHarness.send("DELETE", url, apiKey: nil).status == 204)
            guard case .array(let cleared)? = try await SandboxHarness.send("GET", url, apiKey: nil).json else {
                Issue.record("expected a list of faults")
                return
            }
            #expect(cleared.isEmpty)
            let again = ContinuousClock.now
            _ = try await client.profile()
            #expect(ContinuousClock.now - again < .milliseconds(1500))
        }
    }
}
