extension Migration {
    /// Version 11: the customer sync. `source_customers` holds each source customer as sent (canonical JSON and its
    /// hash), where its sync stands, and what both sides agreed on at the last sync (the base of the three-way
    /// merge); `customer_steps` its writes to lexoffice (intent before, done after); `customer_changes` the change
    /// feed of lexoffice-side changes; `customer_first_syncs` the progress of each tenant's first sync; `tenants.customer_sync` the tenant's sync settings (JSON). Links to lexoffice contacts stay in `contact_links`, shared with transfers.
    static let customers = Migration(version: 11, name: "customer sync") { kind in
        [
            """
            CREATE TABLE source_customers (
                id \(kind.identityPrimaryKey),
                tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
                source_id TEXT NOT NULL,
                content TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                sync_state TEXT NOT NULL,
                state_reason TEXT,
                synced_content TEXT,
                synced_hash TEXT,
                synced_at BIGINT,
                lexoffice_written_at BIGINT,
                received_at BIGINT NOT NULL,
                content_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                version INTEGER NOT NULL,
                UNIQUE (tenant_id, source_id)
            )
            """,
            "CREATE INDEX source_customers_by_state ON source_customers (tenant_id, sync_state, id)",
            """
            CREATE TABLE customer_steps (
                id \(kind.identityPrimaryKey),
                customer_id BIGINT NOT NULL REFERENCES source_customers (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                state TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                finished_at BIGINT,
                lexoffice_id TEXT,
                note TEXT,
                UNIQUE (customer_id, name)
            )
            """,
            """
            CREATE TABLE customer_changes (
                id \(kind.identityPrimaryKey),
                tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
                lexoffice_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                source_id TEXT,
                customer_number TEXT,
                content TEXT,
                content_hash TEXT,
                recorded_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX customer_changes_by_tenant ON customer_changes (tenant_id, id)",
            "CREATE INDEX customer_changes_by_contact ON customer_changes (tenant_id, lexoffice_id, id)",
            """
            CREATE TABLE customer_first_syncs (
                tenant_id TEXT PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
                started_at BIGINT NOT NULL,
                next_page INTEGER NOT NULL,
                total_pages INTEGER,
                offered INTEGER NOT NULL,
                finished_at BIGINT
            )
            """,
            "ALTER TABLE tenants ADD COLUMN customer_sync TEXT",
        ]
    }
}
