import Foundation

/// An OAuth2 token set as stored for a connection.
package struct StoredOAuth2Token: Sendable, Equatable {
    /// The bearer token for API calls.
    package var accessToken: String
    /// The token to renew it with.
    package var refreshToken: String
    /// When the access token expires; `nil` when unknown.
    package var expiresAt: Date?

    /// A token set.
    package init(accessToken: String, refreshToken: String, expiresAt: Date?) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
    }
}
