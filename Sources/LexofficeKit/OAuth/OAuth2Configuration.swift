/// The partner application and endpoints of lexoffice's OAuth2 authorization-code flow.
///
/// lexoffice does not publish this flow; the default URLs are those used by shipped partner integrations
/// (`https://app.lexware.de/oauth2/...`) and are **unconfirmed** — override them from configuration.
public struct OAuth2Configuration: Sendable {
    /// The browser page where the user approves the connection.
    public var authorizationEndpoint: String
    /// Where codes and refresh tokens are exchanged for tokens.
    public var tokenEndpoint: String
    /// Where a refresh token is revoked (form field `token`).
    public var revocationEndpoint: String
    /// The partner application's client id.
    public var clientID: String
    /// The partner application's client secret (sent with HTTP Basic authentication).
    public var clientSecret: Secret
    /// The redirect URI registered for the application.
    public var redirectURI: String
    /// Renew an access token this long before it expires.
    public var refreshMargin: Duration

    /// Creates a configuration.
    public init(
        clientID: String,
        clientSecret: Secret,
        redirectURI: String,
        authorizationEndpoint: String = "https://app.lexware.de/oauth2/authorize",
        tokenEndpoint: String = "https://app.lexware.de/oauth2/token",
        revocationEndpoint: String = "https://app.lexware.de/oauth2/revoke",
        refreshMargin: Duration = .seconds(300)
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURI = redirectURI
        self.authorizationEndpoint = authorizationEndpoint
        self.tokenEndpoint = tokenEndpoint
        self.revocationEndpoint = revocationEndpoint
        self.refreshMargin = refreshMargin
    }
}

/// Tokens from lexoffice's token endpoint.
public struct OAuth2Token: Sendable, Hashable {
    /// The bearer token for API calls.
    public var accessToken: Secret
    /// The token to renew the access token with; `nil` if none was issued.
    public var refreshToken: Secret?
    /// When the access token expires.
    public var expiresAt: LexofficeDateTime
    /// `Bearer`.
    public var tokenType: String?
    /// The granted scopes, space-separated, if lexoffice returned them.
    public var scope: String?

    /// Creates a token value (e.g. when loading stored tokens).
    public init(
        accessToken: Secret,
        refreshToken: Secret?,
        expiresAt: LexofficeDateTime,
        tokenType: String? = "Bearer",
        scope: String? = nil
    ) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
        self.tokenType = tokenType
        self.scope = scope
    }
}
