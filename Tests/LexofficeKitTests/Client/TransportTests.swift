import Foundation
import KontorTestSupport
import LexofficeKit
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(1)))
struct TransportTests {
    // Timing assertions use lower bounds from the client's start: the pacer guarantees that the n-th request is
    // not sent before n-1 intervals have passed, and delays on the way (connection set-up, a busy core) only make
    // it later. Gaps between single arrivals are not asserted: they shrink when one request is delayed.

    private let profileJSON =
        #"{"organizationId":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","companyName":"Rad & Tat GmbH"}"#

    @Test("requests are spaced at the configured rate, measured at the server")
    func pacing() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(200, #"{"userEmail":"a@b.example"}"#) }) {
            server in
            let client = TestClients.client(for: server, requestsPerSecond: 10)
            let started = ContinuousClock.now
            for _ in 0..<6 { _ = try await client.ping() }
            let elapsed = ContinuousClock.now - started
            let arrivals = server.requests.map(\.receivedAt)
            #expect(arrivals.count == 6)
            #expect(try #require(arrivals.last) - started >= .milliseconds(500), "5 intervals of 100 ms at 10 rps")
            // Generous: the full test run shares 2 cores with worker processes; a pacer that wasted its budget (a
            // second or more per request) would still exceed this.
            #expect(elapsed < .seconds(15), "the budget is used, not wasted")
        }
    }

    @Test("concurrent callers through one client are all served, one slot each")
    func concurrentCallers() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(200, #"{"userEmail":"a@b.example"}"#) }) {
            server in
            let client = TestClients.client(for: server, requestsPerSecond: 10)
            let started = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<8 {
                    group.addTask { _ = try await client.raw("GET", path: "ping", query: [("caller", String(index))]) }
                }
                try await group.waitForAll()
            }
            let arrivals = server.requests.map(\.receivedAt)
            #expect(Set(server.requests.compactMap(\.query)).count == 8, "every caller was served once")
            #expect(
                try #require(arrivals.max()) - started >= .milliseconds(700),
                "8 callers need 7 intervals of 100 ms"
            )
        }
    }

    @Test("two clients with the same API key share one pacer")
    func sharedBudget() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(200, #"{"userEmail":"a@b.example"}"#) }) {
            server in
            let registry = RequestPacerRegistry()
            let configuration = LexofficeClientConfiguration(baseURL: server.baseURL + "/v1", requestsPerSecond: 10)
            let first = LexofficeClient(
                configuration: configuration,
                credentials: StaticAPIKey("k"),
                pacerRegistry: registry
            )
            let second = LexofficeClient(
                configuration: configuration,
                credentials: StaticAPIKey("k"),
                pacerRegistry: registry
            )
            let started = ContinuousClock.now
            async let a: Void = { for _ in 0..<3 { _ = try await first.ping() } }()
            async let b: Void = { for _ in 0..<3 { _ = try await second.ping() } }()
            _ = try await (a, b)
            let arrivals = server.requests.map(\.receivedAt).sorted()
            #expect(arrivals.count == 6)
            #expect(try #require(arrivals.last) - started >= .milliseconds(500), "6 requests share one 10 rps budget")
        }
    }

    @Test("waiting for a slot is cancellable and the slot is handed back")
    func cancellation() async throws {
        // One slot per 20 s, so that even a starved test task cancels the waiter long before its slot comes.
        let pacer = RequestPacer(requestsPerSecond: 0.05)
        try await pacer.waitForTurn()  // takes the free slot; the next one is 20 seconds away
        let waiter = Task { try await pacer.waitForTurn() }
        try await Task.sleep(for: .milliseconds(20))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        let started = ContinuousClock.now
        try await pacer.waitForTurn()
        // The cancelled caller's slot (20 s after the first) is handed back; otherwise this would wait 40 s.
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test("a 429 is retried after backing off and the request succeeds")
    func rateLimitRetry() async throws {
        let calls = Mutex(0)
        let handler: @Sendable (ScriptedHTTPServer.Request) async -> ScriptedHTTPServer.Reply = { _ in
            let call = calls.withLock { count in
                count += 1
                return count
            }
            return call <= 2 ? .json(429, #"{"message":"Too Many Requests"}"#) : .created()
        }
        try await ScriptedHTTPServer.withServer(.replying(handler)) { server in
            let client = TestClients.client(for: server)
            let result = try await client.contacts.create(try Contact.fixture("contact-create.json"))
            #expect(result.id.rawValue == "5b7d2e0a-3c41-4f7e-9a55-0d2c8e6f1a90")
            #expect(server.requests.count == 3)
            #expect(server.requests.allSatisfy { $0.method == "POST" })
        }
    }

    @Test("a 500 that names the rate limit is treated like a 429")
    func rateLimitIn500() async throws {
        let calls = Mutex(0)
        let handler: @Sendable (ScriptedHTTPServer.Request) async -> ScriptedHTTPServer.Reply = { _ in
            let call = calls.withLock { count in
                count += 1
                return count
            }
            return call == 1 ? .json(500, #"{"message":"Rate limit exceeded"}"#) : .created()
        }
        try await ScriptedHTTPServer.withServer(.replying(handler)) { server in
            _ = try await TestClients.client(for: server).contacts.create(try Contact.fixture("contact-create.json"))
            #expect(server.requests.count == 2)
        }
    }

    @Test("a persistent 429 surfaces as rate-limited, marked safe to retry")
    func rateLimitExhausted() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(429, #"{"message":"Too Many Requests"}"#) }) {
            server in
            let error = await #expect(throws: LexofficeError.self) {
                try await TestClients.client(for: server).contacts.create(try Contact.fixture("contact-create.json"))
            }
            #expect(error?.code == .rateLimited)
            #expect(error?.isRetrySafe == true)
            #expect(error?.status == 429)
            #expect(server.requests.count == 4)  // 1 + maxRateLimitRetries (3)
        }
    }

    @Test("a POST whose connection drops after sending is not repeated: outcome unknown")
    func droppedPost() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .dropConnection }) { server in
            let error = await #expect(throws: LexofficeError.self) {
                try await TestClients.client(for: server).contacts.create(try Contact.fixture("contact-create.json"))
            }
            #expect(error?.code == .outcomeUnknown)
            #expect(error?.isRetrySafe == false)
            #expect(server.requests.count == 1, "a write with unknown outcome must never be sent twice")
        }
    }

    @Test("a GET whose connection drops is retried")
    func droppedGet() async throws {
        let calls = Mutex(0)
        let json = profileJSON
        let handler: @Sendable (ScriptedHTTPServer.Request) async -> ScriptedHTTPServer.Reply = { _ in
            let call = calls.withLock { count in
                count += 1
                return count
            }
            return call == 1 ? .dropConnection : .json(200, json)
        }
        try await ScriptedHTTPServer.withServer(.replying(handler)) { server in
            let profile = try await TestClients.client(for: server).profile()
            #expect(profile.companyName == "Rad & Tat GmbH")
            #expect(server.requests.count == 2)
        }
    }

    @Test("a PUT retried after a lost connection that then meets 409 reports outcome unknown, not a conflict")
    func putAfterLostConnection() async throws {
        let calls = Mutex(0)
        let handler: @Sendable (ScriptedHTTPServer.Request) async -> ScriptedHTTPServer.Reply = { _ in
            let call = calls.withLock { count in
                count += 1
                return count
            }
            return call == 1 ? .dropConnection : .json(409, "{}")
        }
        try await ScriptedHTTPServer.withServer(.replying(handler)) { server in
            let contact = try Contact.fixture("contact-get.json")
            let error = await #expect(throws: LexofficeError.self) {
                try await TestClients.client(for: server).contacts.update(contact, id: try #require(contact.id))
            }
            #expect(error?.code == .outcomeUnknown, "the first attempt may have applied the update itself")
            #expect(server.requests.map(\.method) == ["PUT", "PUT"])
        }
    }

    @Test("a 504 on POST is outcome unknown and not retried")
    func gatewayTimeoutPost() async throws {
        try await ScriptedHTTPServer.withServer(
            .replying { _ in .json(504, #"{"message":"Endpoint request timed out"}"#) }
        ) {
            server in
            let error = await #expect(throws: LexofficeError.self) {
                try await TestClients.client(for: server).invoices.create(
                    try Invoice.fixture("invoice-create-minimal.json"),
                    finalize: true
                )
            }
            #expect(error?.code == .outcomeUnknown)
            #expect(error?.status == 504)
            #expect(server.requests.count == 1)
            #expect(server.requests.first?.uri == "/v1/invoices?finalize=true")
        }
    }

    @Test("5xx on POST is reported without retry; 5xx on GET is retried")
    func serverErrors() async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(503, #"{"message":null}"#) }) { server in
            let client = TestClients.client(for: server)
            let postError = await #expect(throws: LexofficeError.self) {
                try await client.contacts.create(try Contact.fixture("contact-create.json"))
            }
            #expect(postError?.code == .serverError)
            #expect(postError?.isRetrySafe == false)
            #expect(server.requests.count == 1)
            let getError = await #expect(throws: LexofficeError.self) { try await client.profile() }
            #expect(getError?.code == .serverError)
            #expect(getError?.isRetrySafe == true)
            #expect(server.requests.count == 1 + 3)  // 1 + maxTransientRetries (2)
        }
    }

    @Test("a slow answer hits the timeout: GET retried then timeout, POST outcome unknown")
    func timeouts() async throws {
        let json = profileJSON
        // Each attempt must reach the server before its deadline passes, also on a loaded machine (with 200 ms, a
        // retry was once cut off while connecting and never counted): a second, against an answer after three.
        try await ScriptedHTTPServer.withServer(.replying { _ in .delayed(.seconds(3), .json(200, json)) }) {
            server in
            let client = TestClients.client(for: server, requestTimeout: .seconds(1))
            let getError = await #expect(throws: LexofficeError.self) { try await client.profile() }
            #expect(getError?.code == .timeout)
            #expect(server.requests.count == 3)
            let postError = await #expect(throws: LexofficeError.self) {
                try await client.contacts.create(try Contact.fixture("contact-create.json"))
            }
            #expect(postError?.code == .outcomeUnknown)
            #expect(server.requests.count == 4)
        }
    }

    @Test("no server listening: connection failed, safe to retry, even for POST")
    func connectionRefused() async throws {
        // A port that refuses connections for the whole test: bound, never listening, so no other test's server
        // can take it over meanwhile.
        let socket = try RefusingPort()
        defer { socket.close() }
        // A deadline that passes while AsyncHTTPClient is still connecting is indistinguishable from one that
        // passes after sending (both `deadlineExceeded`), so a POST would count as outcome-unknown: the timeout
        // must leave a loaded machine ample time to see the refused connection first.
        let client = LexofficeClient(
            configuration: LexofficeClientConfiguration(
                baseURL: "http://127.0.0.1:\(socket.port)/v1",
                requestTimeout: .seconds(3),
                requestsPerSecond: 0,
                retryPolicy: TestClients.fastRetries
            ),
            credentials: StaticAPIKey("k"),
            pacerRegistry: RequestPacerRegistry()
        )
        let error = await #expect(throws: LexofficeError.self) {
            try await client.contacts.create(try Contact.fixture("contact-create.json"))
        }
        #expect(error?.code == .connectionFailed)
        #expect(error?.isRetrySafe == true)
    }

    @Test("every request carries the bearer token, Accept and User-Agent")
    func headers() async throws {
        let json = profileJSON
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(200, json) }) { server in
            _ = try await TestClients.client(for: server, credentials: StaticAPIKey("key-123")).profile()
            let request = try #require(server.requests.first)
            #expect(request.header("Authorization") == "Bearer key-123")
            #expect(request.header("Accept") == "application/json")
            #expect(request.header("User-Agent")?.contains("LexofficeKit") == true)
            #expect(request.path == "/v1/profile")
        }
    }
}
