import HTTPTypes
import Hummingbird
import LexofficeKit

extension UserActionRoutes {
    /// Answer of the hooks that issue an API key.
    struct IssuedAPIKey: Codable {
        var apiKey: String
    }

    /// The key management page of the web app, for the organization of the bearer key:
    /// - `POST /_sandbox/api-keys`: another key (with its own connection) → `201 {"apiKey": ...}`.
    /// - `POST /_sandbox/api-keys/revoke`: invalidates the bearer key → 204; it answers 401 from now on, and the
    ///   event subscriptions created with it are deleted.
    /// - `POST /_sandbox/api-keys/rotate`: renews the bearer key → `201 {"apiKey": ...}`; the old key is revoked
    ///   as above, so its subscriptions must be created again with the new one.
    ///
    /// No `token.revoked` event: lexoffice documents it for revoked OAuth connections (refresh tokens) only.
    func registerAPIKeys<Context: RequestContext>(on collection: RouteCollection<Context>) {
        collection.on("_sandbox/api-keys", method: .post) { request, _ in
            try await act(request) { organizationID, _ in
                let key = AdminRoutes.newAPIKey()
                api.state.addKey(key, to: organizationID)
                return try SandboxResponses.json(IssuedAPIKey(apiKey: key), status: .created)
            }
        }
        collection.on("_sandbox/api-keys/revoke", method: .post) { request, _ in
            try await act(request) { _, _ in
                api.state.revokeKey(Self.bearerKey(of: request))
                return SandboxResponses.noContent
            }
        }
        collection.on("_sandbox/api-keys/rotate", method: .post) { request, _ in
            try await act(request) { organizationID, _ in
                let key = AdminRoutes.newAPIKey()
                api.state.addKey(key, to: organizationID)
                api.state.revokeKey(Self.bearerKey(of: request))
                return try SandboxResponses.json(IssuedAPIKey(apiKey: key), status: .created)
            }
        }
    }

    /// The API key in the `Authorization` header (`act` has checked that it is valid).
    static func bearerKey(of request: Request) -> String {
        request.headers[.authorization].map { String($0.dropFirst("Bearer ".count)) } ?? ""
    }
}
