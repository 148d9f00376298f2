import Foundation
import HTTPTypes
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
}
