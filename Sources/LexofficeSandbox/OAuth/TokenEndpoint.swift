import Foundation
import HTTPTypes
import Hummingbird
import LexofficeKit

/// `POST /oauth2/token` and `POST /oauth2/revoke`: the application's side of the flow (form-encoded requests,
/// client authentication, OAuth2 JSON answers).
struct TokenEndpoint: Sendable {
    private typealias IssuedTokens = OAuthRegistry.IssuedTokens

    let api: SandboxAPI

    /// The token response of RFC 6749 §5.1.
    private struct TokenResponse: Encodable {
        var accessToken: String
        var refreshToken: String
        var expiresIn: Int
        var tokenType = "Bearer"
        var scope: String

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case refreshToken = "refresh_token"
            case expiresIn = "expires_in"
            case tokenType = "token_type"
            case scope
        }
    }

    /// Answers `grant_type=authorization_code` (single-use code bound to client and redirect URI) and
    /// `grant_type=refresh_token` (rotating the refresh token when ``SandboxConfiguration/oauthRotateRefreshTokens``).
    func token(_ request: Request) async -> Response {
        do {
            let fields = try await Self.fields(of: request)
            let client = try ClientAuthentication.client(
                of: request,
                fields: fields,
                among: api.configuration.oauthClients
            )
            let issued = try issue(fields, to: client)
            let body = TokenResponse(
                accessToken: issued.accessToken,
                refreshToken: issued.refreshToken,
                expiresIn: issued.expiresIn,
                scope: issued.scope
            )
            return SandboxResponses.bytes(
                try SandboxJSON.encode(body),
                contentType: "application/json",
                extraHeaders: [(.cacheControl, "no-store")]
            )
        } catch let failure as OAuthFailure {
            return failure.response
        } catch {
            return OAuthFailure(code: "server_error", detail: "Internal error", status: .internalServerError).response
        }
    }

    /// Revokes the connection of the refresh (or access) token in the form field `token` (RFC 7009): 200, also
    /// for an unknown token.
    func revoke(_ request: Request) async -> Response {
        do {
            let fields = try await Self.fields(of: request)
            let client = try ClientAuthentication.client(
                of: request,
                fields: fields,
                among: api.configuration.oauthClients
            )
            guard let token = fields["token"] else { throw OAuthFailure.invalidRequest("token is missing.") }
            if let revoked = try api.state.oauth.revoke(token: token, byClient: client.clientID) {
                ConnectionRevocation(state: api.state).announce(revoked)
            }
            return Response(status: .ok, headers: [.cacheControl: "no-store"])
        } catch let failure as OAuthFailure {
            return failure.response
        } catch {
            return OAuthFailure(code: "server_error", detail: "Internal error", status: .internalServerError).response
        }
    }

    private func issue(_ fields: FormFields, to client: SandboxOAuthClient) throws(OAuthFailure) -> IssuedTokens {
        let now = api.state.clock.now
        let lifetime = api.configuration.oauthAccessTokenLifetime
        switch fields["grant_type"] {
        case "authorization_code":
            guard let code = fields["code"] else { throw .invalidRequest("code is missing.") }
            return try api.state.oauth.redeem(
                code: code,
                clientID: client.clientID,
                redirectURI: fields["redirect_uri"],
                now: now,
                lifetime: lifetime
            )
        case "refresh_token":
            guard let refreshToken = fields["refresh_token"] else { throw .invalidRequest("refresh_token is missing.") }
            return try api.state.oauth.refresh(
                refreshToken,
                clientID: client.clientID,
                rotate: api.configuration.oauthRotateRefreshTokens,
                now: now,
                lifetime: lifetime
            )
        case nil:
            throw .invalidRequest("grant_type is missing.")
        default:
            throw .unsupportedGrantType
        }
    }

    /// The request's form fields; a body that is not form-encoded is an `invalid_request`.
    private static func fields(of request: Request) async throws -> FormFields {
        if let contentType = request.headers[.contentType]?.lowercased(),
            !contentType.hasPrefix("application/x-www-form-urlencoded")
        {
            throw OAuthFailure.invalidRequest("Send the parameters form-encoded (application/x-www-form-urlencoded).")
        }
        return try await FormFields.of(request)
    }
}
