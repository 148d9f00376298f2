import Foundation
import KontorCore
import SQLKit

extension ConnectionStore {
    /// How long a claimed renewal may take before another process may claim it.
    static let renewalClaim: Duration = .seconds(30)

    /// Renews the tenant's OAuth2 token, one renewal at a time across processes: a caller holding the access token
    /// `replacing` first re-reads the stored token and takes it when another caller renewed it meanwhile (and it
    /// is still fresh for `margin`); otherwise it claims the renewal, calls `renew` with the stored refresh token,
    /// and stores the new token, before it is used, in the commit that ends the claim. A caller finding the
    /// renewal claimed waits for it (at most ``renewalClaim``).
    /// - Throws: ``StoreError`` `not-connected` without an OAuth2 connection, `unavailable` when a claimed renewal
    ///   does not finish in time; `renew`'s error (the claim is given back).
    package func renewOAuth2(
        of tenant: TenantID,
        replacing accessToken: String,
        freshFor margin: Duration,
        renew: @Sendable (_ refreshToken: String) async throws -> StoredOAuth2Token
    ) async throws -> StoredOAuth2Token {
        let deadline = ContinuousClock.now.advanced(by: Self.renewalClaim)
        while true {
            let stored = try await storedOAuth2Token(of: tenant)
            if let renewed = Self.renewedElsewhere(stored, replacing: accessToken, margin: margin, now: clock.now) {
                return renewed
            }
            if try await claimRenewal(of: tenant) {
                do {
                    let current = try await storedOAuth2Token(of: tenant)
                    if let renewed = Self.renewedElsewhere(
                        current,
                        replacing: accessToken,
                        margin: margin,
                        now: clock.now
                    ) {
                        try await releaseRenewal(of: tenant)
                        return renewed
                    }
                    let renewed = try await renew(current.refreshToken)
                    try await store(renewed, of: tenant)
                    return renewed
                } catch {
                    try? await releaseRenewal(of: tenant)
                    throw error
                }
            }
            guard ContinuousClock.now < deadline else {
                throw StoreError(.unavailable, "another process's renewal of the lexoffice token did not finish")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// `stored` when it is another token than `accessToken` and fresh for `margin`.
    private static func renewedElsewhere(
        _ stored: StoredOAuth2Token,
        replacing accessToken: String,
        margin: Duration,
        now: Date
    ) -> StoredOAuth2Token? {
        guard stored.accessToken != accessToken, let expiry = stored.expiresAt,
            expiry.timeIntervalSince(now) > margin / .seconds(1)
        else { return nil }
        return stored
    }

    private func storedOAuth2Token(of tenant: TenantID) async throws -> StoredOAuth2Token {
        guard case .oauth2(let access, let refresh) = try await credentials(of: tenant) else {
            throw StoreError(.notConnected, "tenant '\(tenant)' has no OAuth2 connection")
        }
        let expiry = try await connection(of: tenant)?.accessExpiresAt
        return StoredOAuth2Token(accessToken: access, refreshToken: refresh, expiresAt: expiry)
    }

    /// Claims the renewal unless another claim is still running.
    private func claimRenewal(of tenant: TenantID) async throws -> Bool {
        try await database.transaction { db in
            let now = clock.nowMilliseconds
            return try await db.raw(
                """
                UPDATE connections SET refresh_claimed_until = \(bind: now + Self.renewalClaim.milliseconds) \
                WHERE tenant_id = \(bind: tenant.rawValue) \
                AND (refresh_claimed_until IS NULL OR refresh_claimed_until < \(bind: now)) RETURNING tenant_id
                """
            ).first() != nil
        }
    }

    private func releaseRenewal(of tenant: TenantID) async throws {
        try await database.transaction { db in
            try await db.raw(
                "UPDATE connections SET refresh_claimed_until = NULL WHERE tenant_id = \(bind: tenant.rawValue)"
            ).run()
        }
    }

    /// Stores a renewed token and ends the claim, in one commit.
    private func store(_ token: StoredOAuth2Token, of tenant: TenantID) async throws {
        try await updateCredentials(
            of: tenant,
            .oauth2(accessToken: token.accessToken, refreshToken: token.refreshToken),
            expiresAt: token.expiresAt
        )
    }
}
