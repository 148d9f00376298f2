extension Migration {
    /// Version 10: a connection's OAuth2 renewal is claimed (`refresh_claimed_until`) by one process at a time, so
    /// that two never renew with the same refresh token (lexoffice may rotate it; the second renewal would fail).
    static let refreshClaims = Migration(version: 10, name: "oauth2 refresh claims") { _ in
        ["ALTER TABLE connections ADD COLUMN refresh_claimed_until BIGINT"]
    }
}
