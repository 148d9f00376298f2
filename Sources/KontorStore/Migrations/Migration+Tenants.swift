extension Migration {
    /// Version 2: tenants, their lexoffice connections, hub API tokens, the activity log and webhook dedupe
    /// (DESIGN.md §4, §7). Secrets are stored AES-GCM sealed (``SecretBox``), tokens as SHA-256 hashes.
    static let tenants = Migration(version: 2, name: "tenants, connections, tokens, activity") { kind in
        [
            """
            CREATE TABLE tenants (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                company_code TEXT,
                transfer_variant TEXT NOT NULL,
                finalize_invoices BOOLEAN NOT NULL,
                auto_transfer BOOLEAN NOT NULL,
                is_active BOOLEAN NOT NULL,
                active_since BIGINT,
                callback_url TEXT,
                callback_secret TEXT,
                archive_settings TEXT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                version INTEGER NOT NULL
            )
            """,
            """
            CREATE TABLE connections (
                tenant_id TEXT PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                status TEXT NOT NULL,
                status_reason TEXT,
                credentials TEXT NOT NULL,
                organization_id TEXT UNIQUE,
                company_name TEXT,
                access_expires_at BIGINT,
                subscriptions TEXT NOT NULL,
                connected_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE api_tokens (
                id TEXT PRIMARY KEY,
                token_hash TEXT NOT NULL UNIQUE,
                tenant_id TEXT REFERENCES tenants (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                revoked_at BIGINT
            )
            """,
            """
            CREATE TABLE activity (
                id \(kind.identityPrimaryKey),
                tenant_id TEXT NOT NULL,
                at BIGINT NOT NULL,
                kind TEXT NOT NULL,
                message TEXT NOT NULL,
                details TEXT
            )
            """,
            "CREATE INDEX activity_tenant ON activity (tenant_id, id)",
            "CREATE INDEX activity_kind ON activity (tenant_id, kind, at)",
            """
            CREATE TABLE webhook_events (
                event_key TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                received_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE oauth_states (
                state_hash TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
                session_hash TEXT NOT NULL,
                code_verifier TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
        ]
    }
}
