import Foundation
import HTTPTypes
import KontorCore
import KontorStore
import SQLKit
import Testing

@Suite("Hub API: API tokens", .timeLimit(.minutes(1)))
struct APITokenRoutesTests {
    @Test("POST /tokens shows a new token once; GET /tokens lists every token without a secret or hash")
    func createAndList() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            let created = try await hub.send(
                .post,
                "/api/v1/tokens",
                json: #"{"name":"practice software","tenant":"acme"}"#
            )
            #expect(created.status == 201, "\(created.body)")
            let token = try created.json()
            let id = try #require(token["id"] as? String)
            let secret = try #require(token["token"] as? String)
            #expect(secret.hasPrefix("kt_\(id)."))
            #expect(created.headers["location"] == "/api/v1/tokens/\(id)")
            #expect(token["scope"] as? String == "tenant")
            #expect(token["tenant"] as? String == "acme")
            #expect(token["revokedAt"] is NSNull)
            #expect(try await hub.send(.get, "/api/v1/tenants/acme", token: secret).status == 200)

            let listed = try await hub.send(.get, "/api/v1/tokens")
            #expect(listed.status == 200)
            #expect(!listed.body.contains(secret.split(separator: ".")[1]), "the secret is never listed")
            let hash = try #require(
                try await hub.database.read { db in
                    try await db.raw("SELECT token_hash FROM api_tokens WHERE id = \(bind: id)").first()?
                        .decode(column: "token_hash", as: String.self)
                }
            )
            #expect(!listed.body.contains(hash), "nor its hash")
            let items = try #require(try listed.json()["items"] as? [[String: Any]])
            #expect(items.map { $0["name"] as? String } == ["tests", "practice software"])
            #expect(Set(items[1].keys) == ["id", "name", "scope", "tenant", "createdAt", "revokedAt"])
            #expect(items[0]["scope"] as? String == "partner")
            #expect(items[0]["tenant"] is NSNull)
            #expect(items[1]["createdAt"] as? String == token["createdAt"] as? String)
        }
    }

    @Test(
        "POST /tokens names the invalid field",
        arguments: [
            (#"{"name":""}"#, "#/name"),
            (#"{"name":" \n"}"#, "#/name"),
            (#"{"name":"x","tenant":"Not A Tenant"}"#, "#/tenant"),
        ]
    )
    func invalidCreation(body: String, pointer: String) async throws {
        try await HubHarness.with { hub in
            let answer = try await hub.send(.post, "/api/v1/tokens", json: body)
            #expect(answer.status == 422, "\(answer.body)")
            #expect(answer.headers["content-type"] == "application/problem+json")
            #expect((try answer.json()["errors"] as? [[String: String]])?.map { $0["pointer"] } == [pointer])
            #expect(try await APITokenStore(database: hub.database).list().count == 1, "nothing was created")
        }
    }

    @Test("DELETE /tokens/{id} revokes a token: 401 at once, listed with revokedAt; 404 for an unknown id")
    func revoke() async throws {
        try await HubHarness.with { hub in
            let created = try await hub.send(.post, "/api/v1/tokens", json: #"{"name":"integration"}"#).json()
            let id = try #require(created["id"] as? String)
            let token = try #require(created["token"] as? String)
            #expect(try await hub.send(.get, "/api/v1/tenants", token: token).status == 200)

            #expect(try await hub.send(.delete, "/api/v1/tokens/\(id)").status == 204)
            let refused = try await hub.send(.get, "/api/v1/tenants", token: token)
            #expect(refused.status == 401, "refused at once, not after the checked-token cache expired")
            #expect(try refused.json()["code"] as? String == "unauthorized")
            #expect(try await hub.send(.delete, "/api/v1/tokens/\(id)").status == 204, "revoking again is no error")

            let items = try #require(try await hub.send(.get, "/api/v1/tokens").json()["items"] as? [[String: Any]])
            let revoked = try #require(items.first { $0["id"] as? String == id })
            #expect(revoked["revokedAt"] is String)
            #expect(items.first { $0["name"] as? String == "tests" }?["revokedAt"] is NSNull)

            let unknown = try await hub.send(.delete, "/api/v1/tokens/nosuchtoken")
            #expect(unknown.status == 404)
            #expect(try unknown.json()["code"] as? String == "not-found")
            #expect(try await hub.send(.get, "/api/v1/tenants").status == 200, "the partner's own token still works")
        }
    }
}
