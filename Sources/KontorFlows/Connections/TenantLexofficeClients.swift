import Foundation
import KontorCore
import LexofficeKit

/// Makes lexoffice clients for tenants from their stored credentials: an API key as is, OAuth2 tokens with a
/// provider that renews the access token before it expires and stores every renewed token (sealed) at once. The
/// flows reach lexoffice through it (``LexofficeConnections``).
package struct TenantLexofficeClients: LexofficeConnections {
    /// Who waits for the clients' answers.
    package enum Caller: Sendable {
        /// The flows' jobs: lexoffice's standard timeout and retries.
        case jobs
        /// Someone at the hub API or the console (connecting, checking): a shorter timeout and one retry, so that an
        /// unreachable lexoffice is reported within about 20 seconds instead of minutes.
        case person
    }

    private let settings: LexofficeSettings
    private let connections: any ConnectionRecords
    private let caller: Caller

    /// Clients for lexoffice at `settings.baseURL`, from the credentials in `connections`, for `caller`.
    package init(settings: LexofficeSettings, connections: any ConnectionRecords, caller: Caller = .jobs) {
        self.settings = settings
        self.connections = connections
        self.caller = caller
    }

    /// A client for the tenant's stored connection.
    /// - Throws: ``FlowProblem`` `not-connected` without a connection, `connection-unusable` for an OAuth2
    ///   connection when OAuth2 is not configured.
    package func client(for tenant: TenantID) async throws -> LexofficeClient {
        guard let credentials = try await connections.credentials(of: tenant) else {
            throw FlowProblem(.notConnected, "tenant '\(tenant)' has no lexoffice connection")
        }
        let expiry = try await connections.connection(of: tenant)?.accessExpiresAt ?? Date.distantPast
        return try client(for: tenant, credentials: credentials, accessExpiresAt: expiry)
    }

    /// A client for credentials not stored yet (while connecting) or just loaded.
    /// - Throws: ``FlowProblem`` `connection-unusable` for OAuth2 credentials when OAuth2 is not configured.
    package func client(
        for tenant: TenantID,
        credentials: ConnectionCredentials,
        accessExpiresAt: Date
    ) throws -> LexofficeClient {
        let lexoffice =
            switch caller {
            case .jobs:
                LexofficeClientConfiguration(baseURL: settings.baseURL, requestsPerSecond: settings.requestsPerSecond)
            case .person:
                LexofficeClientConfiguration(
                    baseURL: settings.baseURL,
                    requestTimeout: .seconds(10),
                    requestsPerSecond: settings.requestsPerSecond,
                    retryPolicy: RetryPolicy(maxRateLimitRetries: 2, maxTransientRetries: 1)
                )
            }
        switch credentials {
        case .apiKey(let key):
            return LexofficeClient(configuration: lexoffice, credentials: StaticAPIKey(Secret(key)))
        case .oauth2(let access, let refresh):
            guard let oauth = settings.oauth else {
                throw FlowProblem(.connectionUnusable, "this hub has no OAuth2 application configured")
            }
            let connections = connections
            let provider = OAuth2TokenProvider(
                token: OAuth2Token(
                    accessToken: Secret(access),
                    refreshToken: Secret(refresh),
                    expiresAt: LexofficeDateTime(accessExpiresAt)
                ),
                client: OAuth2Client(configuration: oauth),
                connectionKey: tenant.rawValue,
                renewal: { current, renew in
                    // One renewal at a time per connection, across processes; a token another renewed is taken.
                    let stored = try await connections.renewOAuth2(
                        of: tenant,
                        replacing: current.accessToken.revealed,
                        freshFor: oauth.refreshMargin
                    ) { refreshToken in
                        let token = try await renew(Secret(refreshToken))
                        return StoredOAuth2Token(
                            accessToken: token.accessToken.revealed,
                            refreshToken: token.refreshToken?.revealed ?? refreshToken,
                            expiresAt: token.expiresAt.date
                        )
                    }
                    return OAuth2Token(
                        accessToken: Secret(stored.accessToken),
                        refreshToken: Secret(stored.refreshToken),
                        expiresAt: LexofficeDateTime(stored.expiresAt ?? .distantPast)
                    )
                }
            )
            return LexofficeClient(configuration: lexoffice, credentials: provider)
        }
    }
}
