import AsyncHTTPClient
import Foundation
import HTTPTypes
import KontorCore
import KontorFlows
import KontorServer
import KontorStore
import LexofficeKit
import LexofficeSandbox
import NIOCore
import NIOHTTP1
import Prometheus
import Testing

/// `GET /metrics`: queue depth, job durations, lexoffice calls and HTTP requests in the Prometheus text format.
@Suite("Prometheus metrics", .timeLimit(.minutes(1)))
struct MetricsRoutesTests {
    @Test("after requests and jobs, /metrics shows HTTP requests by status, the queue depth and job durations")
    func requestsAndJobs() async throws {
        let metrics = HubMetrics(registry: PrometheusCollectorRegistry())
        try await HubHarness.with(metrics: metrics) { hub in
            try await hub.createTenant("acme")
            #expect(try await hub.send(.get, "/api/v1/tenants", token: "").status == 401)
            #expect(try await hub.send(.get, "/nowhere").status == 404)
            let acme = TenantID("acme")
            let queue = JobQueue(database: hub.database)
            for kind in ["test.ok", "test.ok", "test.bad"] {
                _ = try await queue.enqueue(NewJob(tenantID: acme, kind: kind))
            }
            _ = try await queue.enqueue(NewJob(tenantID: acme, kind: "test.ok", runAt: Date().addingTimeInterval(3600)))
            let handler = ScriptedJobHandler().measured(by: metrics)
            #expect(try await queue.leaseReadyTenants(owner: "w", limit: 1, duration: .seconds(30)) == [acme])
            while let job = try await queue.claimNextJob(of: acme, owner: "w", leaseDuration: .seconds(30)) {
                try await queue.finish(job, owner: "w", outcome: await handler.handle(job))
            }
            try await queue.releaseLease(of: acme, owner: "w")

            let answer = try await hub.send(.get, "/metrics", token: "")
            #expect(answer.status == 200)
            #expect(answer.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
            let scrape = Exposition(answer.body)
            #expect(scrape.value("kontor_jobs", ["state": "queued"]) == 1)
            #expect(scrape.value("kontor_jobs", ["state": "running"]) == 0)
            #expect(scrape.value("kontor_jobs", ["state": "done"]) == 2)
            #expect(scrape.value("kontor_jobs", ["state": "dead"]) == 1)
            #expect(scrape.value("kontor_staged_jobs") == 0)
            #expect(scrape.value("kontor_intake_requests") == 0)
            #expect(scrape.value("kontor_intake_busy") == 0)
            #expect(
                scrape.value("kontor_job_duration_seconds_count", ["kind": "test.ok", "outcome": "completed"]) == 2
            )
            #expect(scrape.value("kontor_job_duration_seconds_count", ["kind": "test.bad", "outcome": "failed"]) == 1)
            #expect(scrape.value("kontor_http_requests_total", ["method": "POST", "status": "201"]) == 1)
            #expect(scrape.value("kontor_http_requests_total", ["method": "GET", "status": "401"]) == 1)
            #expect(scrape.value("kontor_http_requests_total", ["method": "GET", "status": "404"]) == 1)
            #expect(scrape.value("kontor_lexoffice_rate_limited_total") == 0)

            let again = Exposition(try await hub.send(.get, "/metrics", token: "").body)
            #expect(again.value("kontor_http_requests_total", ["method": "GET", "status": "200"]) == 1)
        }
    }

    @Test(
        "a signed webhook delivery counts into the intake, an unsigned one does not: from the threshold on, /metrics shows background work yielding"
    )
    func intakeGauges() async throws {
        let metrics = HubMetrics(registry: PrometheusCollectorRegistry())
        let intake = IntakeLoad(threshold: 1, linger: .seconds(60))
        try await HubHarness.with(metrics: metrics, intake: intake) { hub in
            let before = Exposition(try await hub.send(.get, "/metrics", token: "").body)
            #expect(before.value("kontor_intake_busy") == 0)
            #expect(try await hub.send(.post, "/webhooks/lexoffice", json: "{}", token: "").status == 401)
            let unsigned = Exposition(try await hub.send(.get, "/metrics", token: "").body)
            #expect(unsigned.value("kontor_intake_busy") == 0, "an unsigned delivery does not count")
            try await hub.deliverEvent("invoice.created", resource: UUID().uuidString.lowercased())
            let after = Exposition(try await hub.send(.get, "/metrics", token: "").body)
            #expect(after.value("kontor_intake_busy") == 1, "one request reached the threshold of 1; 60 s linger")
            #expect(after.value("kontor_intake_requests") == 0, "the delivery was answered")
        }
    }

    @Test("an invoice save counts into the intake once its token may send the tenant's invoices, not before")
    func intakeCountsAuthorizedSaves() async throws {
        let intake = IntakeLoad(threshold: 1, linger: .seconds(60))
        try await HubHarness.with(intake: intake) { hub in
            try await hub.createTenant("acme")
            let path = "/api/v1/tenants/acme/invoices/R-1"
            #expect(try await hub.send(.put, path, json: "{}", token: "not-a-token").status == 401)
            #expect(!intake.isBusy, "a request with an unknown token does not count")
            #expect(try await hub.send(.put, path, json: "{}").status == 422)
            #expect(intake.isBusy, "an authorized save counts, even one that is refused later")
        }
    }

    @Test("lexoffice calls are counted by method and status, and 429 answers separately")
    func lexofficeCalls() async throws {
        let metrics = HubMetrics(registry: PrometheusCollectorRegistry())
        try await LexofficeExchangeObserver.$current.withValue(metrics.lexofficeObserver) {
            try await HubHarness.with(metrics: metrics) { hub in
                try await hub.createTenant("acme")
                try await Self.inject(
                    hub.sandbox,
                    #"{"path":"/v1/profile","method":"GET","action":"failBeforeExecution","status":429,"remaining":1}"#
                )
                let connect = try await hub.send(
                    .put,
                    "/api/v1/tenants/acme/connection/api-key",
                    json: #"{"apiKey":"\#(hub.sandbox.defaultAPIKey)"}"#
                )
                #expect(connect.status == 200, "\(connect.body)")
                let scrape = Exposition(try await hub.send(.get, "/metrics", token: "").body)
                #expect(scrape.value("kontor_lexoffice_requests_total", ["method": "GET", "status": "429"]) == 1)
                #expect(scrape.value("kontor_lexoffice_requests_total", ["method": "GET", "status": "200"]) ?? 0 >= 1)
                #expect(scrape.value("kontor_lexoffice_rate_limited_total") == 1)
            }
        }
    }

    @Test("a lexoffice attempt without an answer counts as status none")
    func transportFailure() {
        let metrics = HubMetrics(registry: PrometheusCollectorRegistry())
        metrics.recordLexofficeAttempt(.init(method: "POST", status: nil, duration: .milliseconds(3)))
        let scrape = Exposition(String(decoding: metrics.exposition(), as: UTF8.self))
        #expect(scrape.value("kontor_lexoffice_requests_total", ["method": "POST", "status": "none"]) == 1)
        #expect(scrape.value("kontor_lexoffice_rate_limited_total") == 0)
    }

    private static func inject(_ sandbox: SandboxServer, _ rule: String) async throws {
        var request = HTTPClientRequest(url: sandbox.baseURL.replacingOccurrences(of: "/v1", with: "/_sandbox/faults"))
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: rule))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        #expect(response.status.code == 201)
    }
}

/// Completes jobs of kind `test.ok` and fails every other kind.
private struct ScriptedJobHandler: JobHandler {
    func handle(_ job: Job) async -> JobOutcome {
        job.kind == "test.ok" ? .completed : .failed(reason: "scripted failure")
    }
}

/// A parsed Prometheus text exposition: sample values by metric name and labels.
private struct Exposition {
    private var samples: [String: Double] = [:]

    init(_ text: String) {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                continue
            }
            let series = line[..<space]
            guard let brace = series.firstIndex(of: "{") else {
                samples[Self.key(String(series), [:])] = value
                continue
            }
            var labels: [String: String] = [:]
            for pair in series[series.index(after: brace)...].dropLast().split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2 { labels[String(parts[0])] = String(parts[1].dropFirst().dropLast()) }
            }
            samples[Self.key(String(series[..<brace]), labels)] = value
        }
    }

    /// The value of the series, or `nil` when the scrape does not have it.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples[Self.key(name, labels)]
    }

    private static func key(_ name: String, _ labels: [String: String]) -> String {
        name + "{" + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "}"
    }
}
