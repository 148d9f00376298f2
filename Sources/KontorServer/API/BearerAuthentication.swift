import Foundation
import HTTPTypes
import Hummingbird
import KontorCore
import KontorStore
import LexofficeKit

/// Requires a hub API token (`Authorization: Bearer kt_…`) and puts its scope into the context; 401 otherwise. A
/// tenant token is refused with 403 on the routes that are the partner's (all but ``TenantTokenRoutes``).
package struct BearerAuthentication: RouterMiddleware {
    package typealias Context = HubRequestContext
    private let tokens: APITokenStore

    /// Authentication against `tokens`.
    package init(tokens: APITokenStore) {
        self.tokens = tokens
    }

    package func handle(
        _ request: Request,
        context: HubRequestContext,
        next: (Request, HubRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let token = request.headers[.authorization]?.credentials(afterScheme: "Bearer"),
            let scope = try await tokens.authenticate(String(token))
        else {
            throw HubProblem.unauthorized
        }
        if case .tenant = scope, !TenantTokenRoutes.allow(request.method, endpoint: context.endpointPath) {
            throw HubProblem.forbidden("only a partner token may do this; a tenant token may not")
        }
        var context = context
        context.scope = scope
        return try await next(request, context)
    }
}

extension HubRequestContext {
    /// The tenant named in the path, if the caller may see it: any tenant for a partner token, only its own for a
    /// tenant token (another tenant answers 404, as if it did not exist). An id that cannot be a tenant's (not the
    /// `TenantID` pattern) answers 404 too.
    func authorizedTenant(_ id: String) throws(HubProblem) -> TenantID {
        let tenant = TenantID(id)
        guard tenant.isValid else { throw .notFound("tenant '\(id)' does not exist") }
        switch scope {
        case .partner: return tenant
        case .tenant(let own) where own == tenant: return tenant
        default: throw .notFound("tenant '\(id)' does not exist")
        }
    }
}
