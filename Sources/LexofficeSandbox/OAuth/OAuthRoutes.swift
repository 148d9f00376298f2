import HTTPTypes
import Hummingbird
import LexofficeKit

/// The OAuth2 emulation's endpoints, at the server root like lexoffice's current integrations use them:
/// `/oauth2/authorize` (``AuthorizationEndpoint``), `/oauth2/token` and `/oauth2/revoke` (``TokenEndpoint``),
/// plus the older `POST /v1/revoke`, which revokes the connection of the bearer access token.
///
/// Access tokens then work on every `/v1` endpoint within their scopes (``OAuthScope``); the gateway checks them.
struct OAuthRoutes {
    let api: SandboxAPI
    /// The default organization's API key (see ``AuthorizationEndpoint/defaultAPIKey``).
    let defaultAPIKey: String

    /// Adds the endpoints to `collection` (outside the `/v1` route table; `/v1/revoke` still passes the gateway).
    func register<Context: RequestContext>(on collection: RouteCollection<Context>) {
        let authorization = AuthorizationEndpoint(api: api, defaultAPIKey: defaultAPIKey)
        collection.on("oauth2/authorize", method: .get) { request, _ in authorization.show(request) }
        collection.on("oauth2/authorize", method: .post) { request, _ in try await authorization.answer(request) }
        let tokens = TokenEndpoint(api: api)
        collection.on("oauth2/token", method: .post) { request, _ in await tokens.token(request) }
        collection.on("oauth2/revoke", method: .post) { request, _ in await tokens.revoke(request) }
        let api = self.api
        collection.on("v1/revoke", method: .post) { request, _ in
            await api.call(request, shape: .regular) { call in try Self.revokeOwnConnection(call) }
        }
    }

    /// `POST /v1/revoke`: ends the connection of the access token used; 204. An API key cannot be revoked here.
    private static func revokeOwnConnection(_ call: APICall) throws -> Response {
        guard let connectionID = call.connectionID else {
            throw SandboxProblem.badRequest("Only OAuth access tokens can be revoked; API keys are managed in the app.")
        }
        if let revoked = call.state.oauth.revoke(connection: connectionID) {
            ConnectionRevocation(state: call.state).announce(revoked)
        }
        return SandboxResponses.noContent
    }
}
