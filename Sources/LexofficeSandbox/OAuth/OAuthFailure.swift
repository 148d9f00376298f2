import Foundation
import HTTPTypes
import Hummingbird
import LexofficeKit

/// An OAuth2 error (RFC 6749 §5.2): answered as `{"error", "error_description"}` by the token and revocation
/// endpoints, or appended to the redirect URI by the authorization endpoint.
struct OAuthFailure: Error, Sendable, Equatable {
    /// The RFC's error code, e.g. `invalid_grant`.
    var code: String
    /// A sentence for the developer; never contains a secret.
    var detail: String
    var status: HTTPResponse.Status = .badRequest

    static func invalidRequest(_ detail: String) -> OAuthFailure {
        OAuthFailure(code: "invalid_request", detail: detail)
    }

    static func invalidGrant(_ detail: String) -> OAuthFailure {
        OAuthFailure(code: "invalid_grant", detail: detail)
    }

    static func invalidScope(_ detail: String) -> OAuthFailure {
        OAuthFailure(code: "invalid_scope", detail: detail)
    }

    static let invalidClient = OAuthFailure(
        code: "invalid_client",
        detail: "Client authentication failed.",
        status: .unauthorized
    )

    static let unsupportedGrantType = OAuthFailure(
        code: "unsupported_grant_type",
        detail: "Use grant_type authorization_code or refresh_token."
    )

    static let unsupportedResponseType = OAuthFailure(
        code: "unsupported_response_type",
        detail: "Only response_type=code is supported."
    )

    static let accessDenied = OAuthFailure(code: "access_denied", detail: "The user denied the request.")

    static let unauthorizedClient = OAuthFailure(
        code: "unauthorized_client",
        detail: "The token was issued to another client."
    )

    /// The JSON answer of the token and revocation endpoints; a bad client also gets `WWW-Authenticate`.
    var response: Response {
        let body = (try? SandboxJSON.encode(["error": code, "error_description": detail])) ?? Data()
        var extra: [(HTTPField.Name, String)] = [(.cacheControl, "no-store")]
        if status == .unauthorized { extra.append((.wwwAuthenticate, #"Basic realm="lexoffice-sandbox""#)) }
        return SandboxResponses.bytes(body, status: status, contentType: "application/json", extraHeaders: extra)
    }
}
