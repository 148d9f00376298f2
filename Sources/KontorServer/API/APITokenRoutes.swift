import Foundation
import Hummingbird
import KontorCore
import KontorStore

/// `/api/v1/tokens` (partner): the hub API tokens — list them, create one (its secret shown only in that answer),
/// revoke one (refused with 401 from then on).
struct APITokenRoutes {
    /// The same store the bearer authentication checks tokens with, so that a revocation takes effect at once.
    let tokens: APITokenStore

    func register(on group: RouterGroup<HubRequestContext>) {
        group.get("tokens") { _, _ in
            try JSONBody.response(["items": try await tokens.list().map { APITokenRepresentation($0) }])
        }
        group.post("tokens") { request, context in
            let body = try await JSONBody.decode(APITokenCreateRequest.self, from: request, context: context)
            let (name, scope) = try body.validated()
            let created: (token: String, record: APITokenRecord)
            do {
                created = try await tokens.create(scope: scope, name: name)
            } catch let error as StoreError where error.code == .unknownTenant {
                // The tenant the token would belong to is missing, as for `POST /tenants/{t}/tokens`.
                throw HubProblem.notFound(error.detail)
            }
            return try JSONBody.response(
                APITokenRepresentation(created.record, token: created.token),
                status: .created,
                location: "/api/v1/tokens/\(created.record.id)"
            )
        }
        group.delete("tokens/:token") { _, context in
            let id = try context.parameters.require("token")
            // Revoking a revoked token again changes nothing and is no error; an unknown id is.
            if try await !tokens.revoke(id), try await tokens.token(id) == nil {
                throw HubProblem.notFound("there is no API token '\(id)'")
            }
            return Response(status: .noContent)
        }
    }
}

/// The body of `POST /api/v1/tokens`: `{"name": "practice software", "tenant": "acme"}` (without `tenant` a partner
/// token).
private struct APITokenCreateRequest: Decodable {
    var name: String
    var tenant: String?

    /// The token's name and scope, or the invalid fields.
    func validated() throws(HubProblem) -> (String, APITokenScope) {
        var errors: [HubProblem.FieldError] = []
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || name.unicodeScalars.count > 200 {
            errors.append(.init(pointer: "#/name", detail: "must be 1–200 characters"))
        }
        if let tenant, !TenantID(tenant).isValid {
            errors.append(.init(pointer: "#/tenant", detail: "must be the id of an existing tenant"))
        }
        guard errors.isEmpty else { throw .validation(errors) }
        return (trimmed, tenant.map { .tenant(TenantID($0)) } ?? .partner)
    }
}
