import Foundation
import HTTPTypes
import KontorTestSupport
import Testing

/// What schemathesis found where the hub did not do what `/openapi.yaml` says (issue 22, section 1), one case each.
@Suite("Hub API: contract", .timeLimit(.minutes(1)))
struct ContractTests {
    @Test("a path whose tenant id cannot be a tenant's is not found, even on a listing")
    func tenantPattern() async throws {
        try await HubHarness.with { hub in
            let answer = try await hub.send(.get, "/api/v1/tenants/%C2%84/jobs")
            #expect(answer.status == 404)
            #expect(try answer.json()["code"] as? String == "not-found")
            #expect(try await hub.send(.get, "/api/v1/tenants/Not-Lower/activity").status == 404)
        }
    }

    @Test("activation dates are RFC 3339: fractional seconds and offsets are read, null means now")
    func activationDates() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            let offset = try await hub.send(
                .post,
                "/api/v1/tenants/acme/activate",
                json: #"{"since":"2026-01-01T00:00:00.250+01:00"}"#
            )
            #expect(offset.status == 200, "\(offset.body)")
            #expect((try offset.json()["activeSince"] as? String)?.hasPrefix("2025-12-31T23:00:00") == true)
            let now = try await hub.send(.post, "/api/v1/tenants/acme/activate", json: #"{"since":null}"#)
            #expect(now.status == 200)
            let invalid = try await hub.send(.post, "/api/v1/tenants/acme/activate", json: #"{"since":"yesterday"}"#)
            #expect(invalid.status == 422)
            #expect(invalid.body.contains("#/since"))
        }
    }

    @Test("an API key that cannot travel in an HTTP header is refused as invalid, not reported as lexoffice's fault")
    func apiKeyCharacters() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            for key in ["two words", "tab\\tkey", "umlaut-ä"] {
                let answer = try await hub.send(
                    .put,
                    "/api/v1/tenants/acme/connection/api-key",
                    json: #"{"apiKey":"\#(key)"}"#
                )
                #expect(answer.status == 422, "\(key): \(answer.body)")
                #expect(answer.body.contains("#/apiKey"))
            }
        }
    }

    @Test("a number the schema allows but no field can hold (5e-324, 1e400) is a 422 naming the field, not bad JSON")
    func numbersOutOfRange() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            for quantity in ["5e-324", "1e400", "-2.5E+200"] {
                let answer = try await hub.send(
                    .put,
                    "/api/v1/tenants/acme/invoices/R-1",
                    json:
                        #"{"number":"R-1","date":"2026-01-05","taxType":"net","status":"draft","customer":{"sourceId":"c","company":{"name":"A"}},"lineItems":[{"name":"x","quantity":\#(quantity),"unitName":"St","unitPrice":{"net":1},"taxRatePercent":19}]}"#
                )
                #expect(answer.status == 422, "\(quantity): \(answer.body)")
                #expect(answer.body.contains("#/lineItems/0/quantity"), "\(quantity): \(answer.body)")
            }
            let broken = try await hub.send(
                .put,
                "/api/v1/tenants/acme/invoices/R-1",
                json: #"{"number": "R-1", "date": 1e400,"#
            )
            #expect(broken.status == 400, "still malformed: \(broken.body)")
        }
    }

    @Test("an integer beyond 64 bits for an integer member is a 422 naming it, not bad JSON (found by schemathesis)")
    func integerOutOfRange() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            let answer = try await hub.send(
                .patch,
                "/api/v1/tenants/acme",
                json: #"{"name":"Acme","version":27818459861199691776}"#
            )
            #expect(answer.status == 422, "\(answer.body)")
            #expect(answer.body.contains("#/version"), "\(answer.body)")
            let fits = try await hub.send(.patch, "/api/v1/tenants/acme", json: #"{"version":9223372036854775807}"#)
            #expect(fits.status == 409, "a 64-bit version is read, and is not the tenant's: \(fits.body)")
        }
    }

    @Test("tokens for a tenant that does not exist: 404; OAuth links unknown: 404; a foreign OAuth answer: 403")
    func stateDependentRefusals() async throws {
        try await HubHarness.with { hub in
            let token = try await hub.send(.post, "/api/v1/tokens", json: #"{"name":"app","tenant":"nobody"}"#)
            #expect(token.status == 404, "\(token.body)")
            let ticket = try await hub.send(.get, "/oauth/start?ticket=unknown", token: "")
            #expect(
                [404, 409].contains(ticket.status),
                "404 unknown ticket, 409 without an OAuth2 app: \(ticket.body)"
            )
        }
    }

    @Test("the first customer sync of a tenant whose sync never started is notStarted, not missing")
    func firstSyncNotStarted() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            let answer = try await hub.send(.get, "/api/v1/tenants/acme/customer-first-sync")
            #expect(answer.status == 200)
            let progress = try answer.json()
            #expect(progress["state"] as? String == "notStarted")
            #expect(progress["pagesDone"] as? Int == 0 && progress["offered"] as? Int == 0)
            #expect(progress["startedAt"] is NSNull)
        }
    }

    @Test("a change feed cursor longer than 18 digits is refused (the schema's pattern), a late one is an empty page")
    func feedCursorBounds() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            let long = try await hub.send(.get, "/api/v1/tenants/acme/customer-changes?after=0103814799840502035842")
            #expect(long.status == 422)
            let late = try await hub.send(.get, "/api/v1/tenants/acme/customer-changes?after=999999999999999999")
            #expect(late.status == 200)
            #expect((try late.json()["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test(
        "lexoffice unreachable is a 502 problem that says so (lexoffice-unreachable), not a 500 or lexoffice's refusal"
    )
    func lexofficeUnreachable() async throws {
        // lexoffice's side closes every connection without an answer (its API behind a failing load balancer).
        try await ScriptedHTTPServer.withServer(.replying { _ in .dropConnection }) { lexoffice in
            try await Self.connectUnreachable(lexofficeURL: lexoffice.baseURL + "/v1")
        }
    }

    @Test("nothing listening where lexoffice should be: the person connecting learns it within seconds, as a 502")
    func lexofficeRefusing() async throws {
        let refusing = try RefusingPort()
        defer { refusing.close() }
        let started = ContinuousClock.now
        try await Self.connectUnreachable(lexofficeURL: "http://127.0.0.1:\(refusing.port)/v1")
        #expect(ContinuousClock.now - started < .seconds(40), "an unreachable lexoffice is reported within seconds")
    }

    private static func connectUnreachable(lexofficeURL: String) async throws {
        try await HubHarness.with(lexofficeURL: lexofficeURL) { hub in
            try await hub.createTenant("acme")
            let answer = try await hub.send(
                .put,
                "/api/v1/tenants/acme/connection/api-key",
                json: #"{"apiKey":"a-key-lexoffice-never-sees"}"#
            )
            #expect(answer.status == 502, "\(answer.body)")
            #expect(answer.headers["content-type"] == "application/problem+json")
            let problem = try answer.json()
            #expect(problem["code"] as? String == "lexoffice-unreachable")
            #expect(problem["title"] as? String == "lexoffice could not be reached")
            #expect((problem["detail"] as? String)?.contains("could not be reached") == true)
            let connection = try await hub.send(.get, "/api/v1/tenants/acme/connection").json()
            #expect(connection["status"] as? String == "notConnected", "nothing stored")
        }
    }

    @Test("members of the wrong type are 422 naming them: a tenant's version, an activation's since")
    func wrongTypes() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            let version = try await hub.send(.patch, "/api/v1/tenants/acme", json: #"{"name":"Acme","version":"1"}"#)
            #expect(version.status == 422, "\(version.body)")
            #expect(version.body.contains("#/version"))
            let since = try await hub.send(.post, "/api/v1/tenants/acme/activate", json: #"{"since":1767225600}"#)
            #expect(since.status == 422, "\(since.body)")
            #expect(since.body.contains("#/since"))
            let tenant = try await hub.send(.get, "/api/v1/tenants/acme").json()
            #expect(tenant["name"] as? String == "Company acme", "the refused change stored nothing")
            #expect(tenant["active"] as? Bool == false)
        }
    }
}
