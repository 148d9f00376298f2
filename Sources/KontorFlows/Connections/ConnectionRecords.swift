import Foundation
import KontorCore

/// The stored lexoffice connections as the connection flow uses them, a port the store implements: the connection
/// per tenant with its credentials sealed at rest, and OAuth2 renewals serialized across processes.
package protocol ConnectionRecords: Sendable {
    /// The tenant's connection, or `nil` when it has none.
    func connection(of tenant: TenantID) async throws -> LexofficeConnection?

    /// The tenant's credentials, opened; `nil` without a connection.
    func credentials(of tenant: TenantID) async throws -> ConnectionCredentials?

    /// The tenant connected to a lexoffice organization, if any.
    func tenant(forOrganization organizationID: String) async throws -> TenantID?

    /// Stores (or replaces) a tenant's connection with its credentials.
    func save(_ connection: LexofficeConnection, credentials: ConnectionCredentials) async throws

    /// Removes the tenant's connection; returns it, or `nil` when there was none.
    @discardableResult
    func delete(_ tenant: TenantID) async throws -> LexofficeConnection?

    /// Replaces the ids of the connection's event subscriptions.
    func updateSubscriptions(_ ids: [String], of tenant: TenantID) async throws

    /// Marks the connection "reconnect needed" with the reason.
    func markReconnectNeeded(_ tenant: TenantID, reason: String) async throws

    /// Renews the tenant's OAuth2 token, one renewal at a time across processes: a token another caller renewed
    /// after `accessToken` was read (and fresh for `margin`) is taken as it is; otherwise `renew` is called with the
    /// stored refresh token and its result stored before it is returned.
    func renewOAuth2(
        of tenant: TenantID,
        replacing accessToken: String,
        freshFor margin: Duration,
        renew: @Sendable (_ refreshToken: String) async throws -> StoredOAuth2Token
    ) async throws -> StoredOAuth2Token
}
