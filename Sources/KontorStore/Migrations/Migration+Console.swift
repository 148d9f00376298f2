extension Migration {
    /// Version 12: the web console. `console_users` are the people who sign in (partner users see every tenant,
    /// tenant users their own; bcrypt password hashes, none until one is set); `console_sessions` their signed-in
    /// browsers (SHA-256 of the cookie, the form token, a sliding expiry); `console_sign_in_codes` one-time sign-in
    /// links (SHA-256 of the code). `tenants.time_zone`: the zone the console shows a tenant's times in and its
    /// business year is counted in (IANA id; `NULL`: Europe/Berlin).
    static let console = Migration(version: 12, name: "web console") { kind in
        [
            """
            CREATE TABLE console_users (
                id \(kind.identityPrimaryKey),
                username TEXT NOT NULL UNIQUE,
                password_hash TEXT,
                role TEXT NOT NULL,
                tenant_id TEXT REFERENCES tenants (id) ON DELETE CASCADE,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE console_sessions (
                session_hash TEXT PRIMARY KEY,
                user_id BIGINT NOT NULL REFERENCES console_users (id) ON DELETE CASCADE,
                form_token TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX console_sessions_by_expiry ON console_sessions (expires_at)",
            "ALTER TABLE tenants ADD COLUMN time_zone TEXT",
            """
            CREATE TABLE console_sign_in_codes (
                code_hash TEXT PRIMARY KEY,
                user_id BIGINT NOT NULL REFERENCES console_users (id) ON DELETE CASCADE,
                expires_at BIGINT NOT NULL
            )
            """,
        ]
    }
}
