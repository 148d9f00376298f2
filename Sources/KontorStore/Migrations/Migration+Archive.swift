extension Migration {
    /// Version 13: the archive. `archive_settings` holds each tenant's archive settings, the sinks as JSON sealed
    /// with the master key (they hold credentials) and the SHA-256 of the stamp's secret key; `archive_items` one
    /// row per (tenant, lexoffice document) with its state, the keys written per sink and the fingerprint of the
    /// sidecar written last; `archive_backfills` the progress of each tenant's backfill.
    static let archive = Migration(version: 13, name: "archive") { kind in
        [
            """
            CREATE TABLE archive_settings (
                tenant_id TEXT PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
                is_active BOOLEAN NOT NULL,
                active_since BIGINT,
                document_types TEXT NOT NULL,
                sinks TEXT NOT NULL,
                stamp_secret_hash TEXT,
                updated_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE archive_items (
                id \(kind.identityPrimaryKey),
                tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
                lexoffice_id TEXT NOT NULL,
                document_type TEXT NOT NULL,
                document_number TEXT,
                state TEXT NOT NULL,
                reason TEXT,
                sink_keys TEXT NOT NULL,
                document_status TEXT,
                fingerprint TEXT,
                sinks_digest TEXT,
                attempts INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                UNIQUE (tenant_id, lexoffice_id)
            )
            """,
            "CREATE INDEX archive_items_by_state ON archive_items (tenant_id, state, id)",
            """
            CREATE TABLE archive_backfills (
                tenant_id TEXT PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
                date_from TEXT NOT NULL,
                date_to TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                next_page INTEGER NOT NULL,
                total_pages INTEGER,
                queued INTEGER NOT NULL,
                finished_at BIGINT
            )
            """,
        ]
    }
}
