import Foundation
import HTTPTypes
import KontorCore
import KontorFlows
import KontorServer
import KontorStore
import KontorTestSupport
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@Suite("Callbacks to the source application", .timeLimit(.minutes(1)))
struct CallbackTests {
    @Test("signatures verify with the secret and time window only")
    func signature() {
        let body = Data(#"{"id":"e1"}"#.utf8)
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let header = CallbackSignature.sign(body: body, secret: "s3cret", time: now)
        #expect(header.hasPrefix("t=1790000000,v1="))
        #expect(CallbackSignature.isValid(header, body: body, secret: "s3cret", now: now))
        #expect(!CallbackSignature.isValid(header, body: body, secret: "other", now: now))
        #expect(!CallbackSignature.isValid(header, body: Data(#"{"id":"e2"}"#.utf8), secret: "s3cret", now: now))
        #expect(!CallbackSignature.isValid(header, body: body, secret: "s3cret", now: now.addingTimeInterval(301)))
    }

    @Test("callbacks are signed, carry a stable event id across retries, and a 410 ends them")
    func delivery() async throws {
        let attempts = Mutex(0)
        try await ScriptedHTTPServer.withServer(
            .replying { _ in
                let attempt = attempts.withLock { value in
                    value += 1
                    return value
                }
                return attempt < 3 ? .json(503, "{}") : .json(204, "")
            }
        ) { receiver in
            try await HubHarness.with { hub in
                let created = try await hub.send(
                    .post,
                    "/api/v1/tenants",
                    json: #"{"id":"acme","name":"Acme","callbackUrl":"\#(receiver.baseURL)/hooks"}"#
                )
                let secret = try #require(try created.json()["callbackSecret"] as? String)
                #expect(try await hub.send(.get, "/api/v1/tenants/acme").body.contains("callbackSecret") == false)
                let event = try await CallbackOutbox(queue: JobQueue(database: hub.database))
                    .enqueue("invoice.transferred", data: #"{"voucherNumber":"RE-1"}"#, for: TenantID("acme"))
                #expect(try await hub.runWorkers { receiver.requests.count == 3 })
                let requests = receiver.requests
                #expect(Set(requests.compactMap { $0.header("Kontor-Event-Id") }) == [event.id])
                for request in requests {
                    let signature = try #require(request.header("Kontor-Signature"))
                    #expect(CallbackSignature.isValid(signature, body: Data(request.body), secret: secret, now: Date()))
                }
                let body = try #require(
                    try JSONSerialization.jsonObject(with: Data(requests[0].body)) as? [String: Any]
                )
                #expect(body["type"] as? String == "invoice.transferred")
                #expect((body["data"] as? [String: Any])?["voucherNumber"] as? String == "RE-1")
                let jobs = try await JobQueue(database: hub.database).jobs(tenant: TenantID("acme"))
                #expect(jobs.map(\.state) == [.done])
            }
        }
    }

    @Test(
        "a receiver refusing a callback gets it a few times more (401, 403, 404, 410) or once (other 4xx), then it is dead; a paused tenant still gets its callbacks",
        arguments: [(410, CallbackDelivery.attemptsOnRefusal), (404, CallbackDelivery.attemptsOnRefusal), (400, 1)]
    )
    func refusedAndPaused(status: Int, attempts: Int) async throws {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(status, "{}") }) { receiver in
            try await HubHarness.with { hub in
                _ = try await hub.send(
                    .post,
                    "/api/v1/tenants",
                    json: #"{"id":"acme","name":"Acme","callbackUrl":"\#(receiver.baseURL)/hooks"}"#
                )
                let queue = JobQueue(database: hub.database)
                try await queue.pauseTenant(TenantID("acme"), reason: "reconnect needed")
                _ = try await CallbackOutbox(queue: queue).enqueue("connection.reconnect-needed", for: TenantID("acme"))
                #expect(try await hub.runWorkers { try await queue.counts()[.dead] == 1 })
                #expect(receiver.requests.count == attempts)
                #expect(try await queue.jobs(state: .dead).first?.lastError?.contains("\(status)") == true)
            }
        }
    }

    @Test("a tenant without a callback URL gets no callback jobs; once it has one, its new events are queued")
    func noReceiverNoJobs() async throws {
        try await HubHarness.with { hub in
            #expect(try await hub.send(.post, "/api/v1/tenants", json: #"{"id":"acme","name":"Acme"}"#).status == 201)
            let queue = JobQueue(database: hub.database)
            let outbox = CallbackOutbox(queue: queue)
            _ = try await outbox.enqueue("invoice.transferred", data: "{}", for: TenantID("acme"))
            #expect(try await queue.jobs(tenant: TenantID("acme")).isEmpty)
            let url = #"{"callbackUrl":"\#(hub.callbackReceiver)"}"#
            #expect(try await hub.send(.patch, "/api/v1/tenants/acme", json: url).status == 200)
            let event = try await outbox.enqueue("invoice.transferred", data: "{}", for: TenantID("acme"))
            let jobs = try await queue.jobs(tenant: TenantID("acme"))
            #expect(jobs.map(\.kind) == [CallbackOutbox.jobKind])
            #expect(jobs.first?.payload.contains(event.id) == true)
        }
    }
}
