import HTTPTypes
import Hummingbird
import LexofficeKit

/// `GET|POST /oauth2/authorize`: the browser side of the authorization-code flow.
///
/// A `GET` with an unknown client or a redirect URI the client has not registered answers a 400 page and never
/// redirects. Otherwise it shows the consent page, or with ``SandboxConfiguration/oauthAutoApprove`` redirects
/// with a code at once. The consent form posts back here; `decision=approve` redirects with `code` and `state`,
/// anything else with `error=access_denied`.
///
/// Sandbox-only extension: `organization_id` picks the organization (one created with
/// `POST /_sandbox/organizations`); without it the connection is for the default organization.
struct AuthorizationEndpoint: Sendable {
    let api: SandboxAPI
    /// The default organization's API key; its organization is looked up per request because `/_sandbox/reset`
    /// replaces it.
    let defaultAPIKey: String

    /// Validates the request, then shows the consent page or redirects.
    func show(_ request: Request) -> Response {
        let fields = FormFields.query(of: request)
        let authorization: AuthorizationRequest
        switch validate(fields) {
        case .success(let valid): authorization = valid
        case .failure(.page(let message)): return ConsentPage.error(message)
        case .failure(.redirect(let location)): return Self.redirect(to: location)
        }
        let now = api.state.clock.now
        if api.configuration.oauthAutoApprove {
            let code = api.state.oauth.issueCode(for: authorization, now: now)
            return Self.redirect(to: authorization.redirectLocation([("code", code)]))
        }
        let name = try? api.state.read(authorization.organizationID) { $0.profile.companyName }
        return ConsentPage.consent(
            for: authorization,
            organizationName: name ?? authorization.organizationID.rawValue,
            formToken: api.state.oauth.holdForConsent(authorization, now: now)
        )
    }

    /// The user's answer from the consent page.
    func answer(_ request: Request) async throws -> Response {
        let fields = try await FormFields.of(request)
        guard let token = fields["form_token"],
            let authorization = api.state.oauth.takeConsent(token, now: api.state.clock.now)
        else {
            return ConsentPage.error("Das Formular ist abgelaufen oder wurde schon benutzt. (form expired or used)")
        }
        guard fields["client_id"].map({ $0 == authorization.clientID }) ?? true,
            fields["redirect_uri"].map({ $0 == authorization.redirectURI }) ?? true
        else { return ConsentPage.error("Die Formulardaten passen nicht zur Anfrage. (form does not match)") }
        guard fields["decision"] == "approve" else {
            let denied = OAuthFailure.accessDenied
            return Self.redirect(
                to: authorization.redirectLocation([("error", denied.code), ("error_description", denied.detail)])
            )
        }
        let code = api.state.oauth.issueCode(for: authorization, now: api.state.clock.now)
        return Self.redirect(to: authorization.redirectLocation([("code", code)]))
    }

    /// Why an authorization request cannot go on: an error page, or a redirect carrying an OAuth error.
    private enum Rejection: Error {
        case page(String)
        case redirect(String)
    }

    /// Checks client and redirect URI first (failures there get a page), then response type, scopes and
    /// organization (failures there are redirected to the application as OAuth errors).
    private func validate(_ fields: FormFields) -> Result<AuthorizationRequest, Rejection> {
        guard let clientID = fields["client_id"],
            let client = api.configuration.oauthClients.first(where: { $0.clientID == clientID })
        else { return .failure(.page("Unbekannte Anwendung. (unknown client_id)")) }
        guard let redirectURI = fields["redirect_uri"], client.allows(redirectURI: redirectURI) else {
            return .failure(
                .page("redirect_uri ist für diese Anwendung nicht registriert. (redirect_uri not registered)")
            )
        }
        guard let organizationID = organization(fields["organization_id"]) else {
            return .failure(.page("Unbekannte Organisation. (unknown organization_id)"))
        }
        let request = AuthorizationRequest(
            clientID: clientID,
            redirectURI: redirectURI,
            scopes: OAuthScope.parse(fields["scope"] ?? fields["scopes"] ?? ""),
            state: fields["state"],
            organizationID: organizationID
        )
        let failure: OAuthFailure? =
            if fields["response_type"] != "code" {
                .unsupportedResponseType
            } else if request.scopes.isEmpty {
                .invalidScope("Request at least one scope.")
            } else if let unknown = request.scopes.first(where: { !OAuthScope.isKnown($0) }) {
                .invalidScope("Unknown scope \(unknown).")
            } else {
                nil
            }
        guard let failure else { return .success(request) }
        return .failure(
            .redirect(request.redirectLocation([("error", failure.code), ("error_description", failure.detail)]))
        )
    }

    /// The organization named by `organization_id`, or the default one; `nil` when it does not exist.
    private func organization(_ text: String?) -> LexofficeID? {
        guard let text else { return api.state.organization(forKey: defaultAPIKey) }
        guard let id = try? LexofficeID(text), (try? api.state.read(id) { _ in true }) == true else { return nil }
        return id
    }

    private static func redirect(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        return Response(status: .found, headers: headers)
    }
}
