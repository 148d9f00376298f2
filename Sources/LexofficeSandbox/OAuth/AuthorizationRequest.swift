import LexofficeKit

/// What an application asked for at `/oauth2/authorize`, once its client and redirect URI are known to be valid.
struct AuthorizationRequest: Codable, Sendable, Equatable {
    var clientID: String
    var redirectURI: String
    var scopes: [String]
    /// The application's CSRF value, echoed on the redirect.
    var state: String?
    /// The organization the connection is for.
    var organizationID: LexofficeID

    /// The scopes as the `scope` field of a token response: space-separated.
    var scopeText: String { scopes.joined(separator: " ") }

    /// Where the browser goes after the user answered: `redirect_uri` with `parameters` and `state` appended.
    func redirectLocation(_ parameters: [(String, String)]) -> String {
        var pairs = parameters
        if let state { pairs.append(("state", state)) }
        let query = pairs.map { QueryEncoding.percentEncode($0.0) + "=" + QueryEncoding.percentEncode($0.1) }
        return redirectURI + (redirectURI.contains("?") ? "&" : "?") + query.joined(separator: "&")
    }
}
