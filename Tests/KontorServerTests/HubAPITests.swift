import Foundation
import HTTPTypes
import KontorCore
import KontorStore
import Testing

@Suite("Hub API: tenants, auth and errors", .timeLimit(.minutes(1)))
struct HubAPITests {
    @Test("requests without a valid token get 401 problem+json; tenant tokens cannot use partner routes")
    func authentication() async throws {
        try await HubHarness.with { hub in
            let missing = try await hub.send(.get, "/api/v1/tenants", token: "")
            #expect(missing.status == 401)
            #expect(missing.headers["content-type"] == "application/problem+json")
            #expect(missing.headers["www-authenticate"] == "Bearer")
            #expect(try missing.json()["code"] as? String == "unauthorized")
            #expect(try await hub.send(.get, "/api/v1/tenants", token: "kt_forged.token").status == 401)
            try await hub.createTenant("acme")
            let tenantToken = try await APITokenStore(database: hub.database).create(
                scope: .tenant(TenantID("acme")),
                name: "t"
            )
            let forbidden = try await hub.send(.get, "/api/v1/tenants", token: tenantToken.token)
            #expect(forbidden.status == 403)
            #expect(try forbidden.json()["code"] as? String == "forbidden")
        }
    }

    @Test("a problem body has exactly the RFC 9457 members plus code and errors")
    func problemShape() async throws {
        try await HubHarness.with { hub in
            let answer = try await hub.send(.post, "/api/v1/tenants", json: #"{"id":"Bad Id!","name":""}"#)
            #expect(answer.status == 422)
            let body = try answer.json()
            #expect(Set(body.keys) == ["type", "title", "status", "detail", "instance", "code", "errors"])
            #expect(body["type"] as? String == "http://127.0.0.1:9/hub/problems/validation-failed")
            #expect(body["status"] as? Int == 422)
            #expect(body["instance"] as? String == "/api/v1/tenants")
            let errors = try #require(body["errors"] as? [[String: String]])
            #expect(Set(errors.compactMap { $0["pointer"] }) == ["#/id", "#/name"])
        }
    }

    @Test("creates, reads, lists, changes and deletes tenants")
    func tenantLifecycle() async throws {
        try await HubHarness.with { hub in
            let created = try await hub.send(
                .post,
                "/api/v1/tenants",
                json:
                    #"{"id":"acme","name":"Acme GmbH","companyCode":"K-1","settings":{"transferVariant":"voucher","finalizeInvoices":false},"callbackUrl":"https://source.example/callbacks"}"#
            )
            #expect(created.status == 201)
            #expect(created.headers["location"] == "/api/v1/tenants/acme")
            let tenant = try created.json()
            #expect(tenant["active"] as? Bool == false)
            #expect((tenant["settings"] as? [String: Any])?["transferVariant"] as? String == "voucher")
            #expect((tenant["settings"] as? [String: Any])?["autoTransfer"] as? Bool == true)
            #expect(tenant["activeSince"] is NSNull)
            try await hub.createTenant("bolt")
            let page = try await hub.send(.get, "/api/v1/tenants?limit=1").json()
            #expect((page["items"] as? [[String: Any]])?.first?["id"] as? String == "acme")
            #expect(page["nextCursor"] as? String == "acme")
            let next = try await hub.send(.get, "/api/v1/tenants?limit=1&cursor=acme").json()
            #expect((next["items"] as? [[String: Any]])?.first?["id"] as? String == "bolt")

            let patched = try await hub.send(
                .patch,
                "/api/v1/tenants/acme",
                json: #"{"name":"Acme AG","companyCode":null,"settings":{"autoTransfer":false},"version":1}"#
            )
            #expect(patched.status == 200, "\(patched.body)")
            let changed = try patched.json()
            #expect(changed["name"] as? String == "Acme AG")
            #expect(changed["companyCode"] is NSNull)
            #expect(changed["version"] as? Int == 2)
            #expect((changed["settings"] as? [String: Any])?["transferVariant"] as? String == "voucher")
            let stale = try await hub.send(.patch, "/api/v1/tenants/acme", json: #"{"name":"x","version":1}"#)
            #expect(stale.status == 409)

            #expect(try await hub.send(.delete, "/api/v1/tenants/bolt").status == 204)
            #expect(try await hub.send(.get, "/api/v1/tenants/bolt").status == 404)
            #expect(try await hub.send(.delete, "/api/v1/tenants/bolt").status == 404)
        }
    }

    @Test(
        "every error class answers with its status and the offending field",
        arguments: [
            ("POST", "/api/v1/tenants", #"{"id":"acme","#, "application/json", 400, nil),
            ("POST", "/api/v1/tenants", #"[1,2]"#, "application/json", 400, nil),
            ("POST", "/api/v1/tenants", #"{"id":"x","name":5}"#, "application/json", 422, "#/name"),
            ("POST", "/api/v1/tenants", #"{"id":"x"}"#, "application/json", 422, "#/name"),
            (
                "POST", "/api/v1/tenants", #"{"id":"x","name":"X","settings":{"transferVariant":"fax"}}"#,
                "application/json", 422, "#/settings/transferVariant"
            ),
            (
                "POST", "/api/v1/tenants", #"{"id":"x","name":"X","callbackUrl":"ftp://x"}"#, "application/json", 422,
                "#/callbackUrl"
            ),
            ("POST", "/api/v1/tenants", #"{"id":"x","name":"X"}"#, "text/plain", 415, nil),
            (
                "PATCH", "/api/v1/tenants/acme", #"{"settings":{"finalizeInvoices":"yes"}}"#, "application/json", 422,
                "#/settings/finalizeInvoices"
            ),
            ("PATCH", "/api/v1/tenants/acme", #"{"name":null}"#, "application/json", 422, "#/name"),
            ("GET", "/api/v1/tenants?limit=0", nil, nil, 422, "#/query/limit"),
            ("GET", "/api/v1/tenants/nobody", nil, nil, 404, nil),
            ("GET", "/api/v1/nothing-here", nil, nil, 404, nil),
        ] as [(String, String, String?, String?, Int, String?)]
    )
    func errorClasses(
        method: String,
        path: String,
        body: String?,
        contentType: String?,
        status: Int,
        pointer: String?
    )
        async throws
    {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            let answer = try await hub.send(
                try #require(HTTPRequest.Method(method)),
                path,
                json: body,
                contentType: contentType
            )
            #expect(answer.status == status, "\(answer.body)")
            #expect(answer.headers["content-type"] == "application/problem+json")
            if let pointer {
                let errors = try answer.json()["errors"] as? [[String: String]]
                #expect(errors?.map { $0["pointer"] } == [pointer])
            }
            #expect(try await hub.send(.get, "/api/v1/tenants/acme").status == 200, "nothing was lost")
        }
    }

    @Test("a body over the limit is refused with 413 and nothing is stored")
    func payloadTooLarge() async throws {
        try await HubHarness.with { hub in
            let name = String(repeating: "x", count: 1_100_000)
            let answer = try await hub.send(.post, "/api/v1/tenants", json: #"{"id":"big","name":"\#(name)"}"#)
            #expect(answer.status == 413)
            #expect(try await hub.send(.get, "/api/v1/tenants/big").status == 404)
        }
    }

    @Test("a tenant token sees only its own tenant; others look like they do not exist")
    func tenantIsolation() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            try await hub.createTenant("bolt")
            let acme = try await APITokenStore(database: hub.database).create(
                scope: .tenant(TenantID("acme")),
                name: "t"
            )
            #expect(try await hub.send(.get, "/api/v1/tenants/acme", token: acme.token).status == 200)
            #expect(try await hub.send(.get, "/api/v1/tenants/bolt", token: acme.token).status == 404)
            #expect(
                try await hub.send(.patch, "/api/v1/tenants/bolt", json: #"{"name":"x"}"#, token: acme.token).status
                    == 403,
                "changing a tenant is the partner's, on any tenant"
            )
            #expect(try await hub.send(.get, "/api/v1/tenants/bolt/activity", token: acme.token).status == 404)
            #expect(try await hub.send(.get, "/api/v1/tenants/bolt/jobs", token: acme.token).status == 404)
            #expect(try await hub.send(.delete, "/api/v1/tenants/acme", token: acme.token).status == 403)
        }
    }

    @Test("activation sets activeSince and is recorded in the cursor-paged activity log")
    func activationAndActivity() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            let activated = try await hub.send(
                .post,
                "/api/v1/tenants/acme/activate",
                json: #"{"since":"2026-01-01T00:00:00Z"}"#
            )
            #expect(activated.status == 200)
            #expect(try activated.json()["activeSince"] as? String == "2026-01-01T00:00:00Z")
            #expect(try activated.json()["active"] as? Bool == true)
            let badDate = try await hub.send(.post, "/api/v1/tenants/acme/activate", json: #"{"since":"yesterday"}"#)
            #expect(badDate.status == 422)
            #expect(try await hub.send(.post, "/api/v1/tenants/acme/deactivate").status == 200)
            let first = try await hub.send(.get, "/api/v1/tenants/acme/activity?limit=2").json()
            let items = try #require(first["items"] as? [[String: Any]])
            #expect(items.map { $0["kind"] as? String } == ["tenant.deactivated", "tenant.activated"])
            let cursor = try #require(first["nextCursor"] as? String)
            let rest = try await hub.send(.get, "/api/v1/tenants/acme/activity?cursor=\(cursor)").json()
            #expect((rest["items"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["tenant.created"])
            #expect(rest["nextCursor"] is NSNull)
        }
    }

    @Test("health and readiness answer without a token")
    func health() async throws {
        try await HubHarness.with { hub in
            #expect(try await hub.send(.get, "/healthz", token: "").status == 200)
            let ready = try await hub.send(.get, "/readyz", token: "")
            #expect(ready.status == 200)
            #expect(try ready.json()["status"] as? String == "ready")
        }
    }
}
