import Foundation

/// How a tenant authenticates at lexoffice.
package enum ConnectionKind: String, Sendable, Codable, CaseIterable {
    /// A private API key from the lexoffice web app.
    case apiKey = "api-key"
    /// OAuth2 authorization code grant (partner apps).
    case oauth2
}

/// Whether a tenant's connection works.
package enum ConnectionStatus: String, Sendable, Codable, CaseIterable {
    /// Usable.
    case connected
    /// The token was revoked or could not be refreshed: a person must connect again; the tenant's jobs pause.
    case reconnectNeeded = "reconnect-needed"
}

/// A tenant's lexoffice connection, without its secrets.
package struct LexofficeConnection: Sendable, Codable, Equatable {
    /// The tenant.
    package var tenantID: TenantID
    /// API key or OAuth2.
    package var kind: ConnectionKind
    /// Whether it works.
    package var status: ConnectionStatus
    /// Why it does not work, for people.
    package var statusReason: String?
    /// The lexoffice organization (from `GET /v1/profile`); maps incoming webhooks to the tenant.
    package var organizationID: String?
    /// The lexoffice company name (from the profile).
    package var companyName: String?
    /// When the OAuth2 access token expires.
    package var accessExpiresAt: Date?
    /// The lexoffice event subscriptions registered for the tenant.
    package var subscriptionIDs: [String]
    /// When the connection was made.
    package var connectedAt: Date
    /// When it last changed.
    package var updatedAt: Date

    /// A connection.
    package init(
        tenantID: TenantID,
        kind: ConnectionKind,
        status: ConnectionStatus = .connected,
        statusReason: String? = nil,
        organizationID: String? = nil,
        companyName: String? = nil,
        accessExpiresAt: Date? = nil,
        subscriptionIDs: [String] = [],
        connectedAt: Date,
        updatedAt: Date
    ) {
        self.tenantID = tenantID
        self.kind = kind
        self.status = status
        self.statusReason = statusReason
        self.organizationID = organizationID
        self.companyName = companyName
        self.accessExpiresAt = accessExpiresAt
        self.subscriptionIDs = subscriptionIDs
        self.connectedAt = connectedAt
        self.updatedAt = updatedAt
    }
}

/// The secrets of a connection; sealed before storage, never logged.
package enum ConnectionCredentials: Sendable, Codable, Equatable, CustomStringConvertible {
    /// An API key.
    case apiKey(String)
    /// OAuth2 tokens.
    case oauth2(accessToken: String, refreshToken: String)

    /// Never shows the secrets.
    package var description: String {
        switch self {
        case .apiKey: "apiKey(<redacted>)"
        case .oauth2: "oauth2(<redacted>)"
        }
    }
}
