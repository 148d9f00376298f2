import Foundation
import HTTPTypes
import Testing

/// Unsupported methods on known resources answer 405 with `Allow` (issue 22), unknown resources 404.
@Suite("Hub API: 405 Method Not Allowed", .timeLimit(.minutes(1)))
struct MethodNotAllowedTests {
    @Test("a known path with an unsupported method: 405 problem+json naming the methods in Allow")
    func methodNotAllowed() async throws {
        try await HubHarness.with { hub in
            try await hub.createTenant("acme")
            let collection = try await hub.send(.delete, "/api/v1/tenants")
            #expect(collection.status == 405)
            #expect(collection.headers["allow"] == "GET, POST")
            #expect(collection.headers["content-type"] == "application/problem+json")
            #expect(try collection.json()["code"] as? String == "method-not-allowed")

            let action = try await hub.send(.put, "/api/v1/tenants/acme/activate", token: "")
            #expect(action.status == 405, "the methods of a resource are no secret: the OpenAPI document lists them")
            #expect(action.headers["allow"] == "POST")

            let head = try await hub.send(.head, "/api/v1/tenants")
            #expect(head.status == 405)
            #expect(head.headers["allow"] == "GET, POST")

            #expect(try await hub.send(.delete, "/api/v1/no-such-thing").status == 404)
            #expect(try await hub.send(.get, "/api/v1/tenants/acme/activate/more").status == 404)
        }
    }
}
