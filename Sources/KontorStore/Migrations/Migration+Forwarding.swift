extension Migration {
    /// Version 14: forwarding per client company (issue 26). `forwarding_settings` holds each tenant's forwarding
    /// settings (none stored: inactive, the defaults); `forwarded_documents` the documents partners post to a
    /// tenant's inbox, with their bytes, SHA-256, where forwarding stands and what lexoffice made of them
    /// (`external_id` unique per tenant); `forwarding_steps` their writes to lexoffice (intent before, done after).
    static let forwarding = Migration(version: 14, name: "forwarding") { kind in
        let bytes = kind == .postgres ? "BYTEA" : "BLOB"
        return [
            """
            CREATE TABLE forwarding_settings (
                tenant_id TEXT PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
                is_active BOOLEAN NOT NULL,
                active_since BIGINT,
                mode TEXT NOT NULL,
                sales_category_id TEXT,
                purchase_category_id TEXT,
                updated_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE forwarded_documents (
                sequence \(kind.identityPrimaryKey),
                id TEXT NOT NULL UNIQUE,
                tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
                external_id TEXT NOT NULL,
                direction TEXT NOT NULL,
                released_at BIGINT NOT NULL,
                note TEXT,
                file_name TEXT NOT NULL,
                media_type TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                size BIGINT NOT NULL,
                content \(bytes) NOT NULL,
                state TEXT NOT NULL,
                reason TEXT,
                voucher_id TEXT,
                file_id TEXT,
                received_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                UNIQUE (tenant_id, external_id)
            )
            """,
            "CREATE INDEX forwarded_documents_by_state ON forwarded_documents (tenant_id, state, sequence)",
            "CREATE INDEX forwarded_documents_by_content ON forwarded_documents (tenant_id, sha256)",
            """
            CREATE TABLE forwarding_steps (
                id \(kind.identityPrimaryKey),
                document_sequence BIGINT NOT NULL REFERENCES forwarded_documents (sequence) ON DELETE CASCADE,
                tenant_id TEXT NOT NULL,
                name TEXT NOT NULL,
                state TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                finished_at BIGINT,
                lexoffice_id TEXT,
                note TEXT,
                UNIQUE (document_sequence, name)
            )
            """,
            "CREATE INDEX forwarding_steps_by_result ON forwarding_steps (tenant_id, lexoffice_id)",
        ]
    }
}
