extension Migration {
    /// Version 5: what the invoice transfer needs (DESIGN.md §5): the links from source customers to lexoffice
    /// contacts, every outgoing write as a step (`intent` before the call, `done` with the lexoffice id after it),
    /// on the invoice the type and status of its lexoffice document and any difference between the totals, and bulk exports
    /// with the invoices each one took.
    static let invoiceTransfers = Migration(version: 5, name: "invoice transfers") { kind in
        [
            """
            CREATE TABLE contact_links (
                tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
                source_customer_id TEXT NOT NULL,
                lexoffice_contact_id TEXT NOT NULL,
                customer_number TEXT,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, source_customer_id)
            )
            """,
            """
            CREATE TABLE transfer_steps (
                id \(kind.identityPrimaryKey),
                invoice_id BIGINT NOT NULL REFERENCES source_invoices (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                state TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                finished_at BIGINT,
                lexoffice_id TEXT,
                note TEXT,
                UNIQUE (invoice_id, name)
            )
            """,
            "ALTER TABLE source_invoices ADD COLUMN lexoffice_type TEXT",
            "ALTER TABLE source_invoices ADD COLUMN lexoffice_status TEXT",
            "ALTER TABLE source_invoices ADD COLUMN totals_difference TEXT",
            "CREATE INDEX source_invoices_lexoffice ON source_invoices (lexoffice_id)",
            """
            CREATE TABLE exports (
                id \(kind.identityPrimaryKey),
                tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
                from_date TEXT NOT NULL,
                to_date TEXT NOT NULL,
                statuses TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE export_items (
                export_id BIGINT NOT NULL REFERENCES exports (id) ON DELETE CASCADE,
                invoice_id BIGINT NOT NULL REFERENCES source_invoices (id) ON DELETE CASCADE,
                queued INTEGER NOT NULL,
                PRIMARY KEY (export_id, invoice_id)
            )
            """,
        ]
    }
}
