extension Migration {
    /// Version 3: the invoices source applications send (DESIGN.md §4 `source_invoices`), each with its transfer
    /// state. The canonical JSON is kept as received; the columns the hub filters and pages on are copied out.
    static let sourceInvoices = Migration(version: 3, name: "source invoices") { kind in
        [
            """
            CREATE TABLE source_invoices (
                id \(kind.identityPrimaryKey),
                tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
                source_id TEXT NOT NULL,
                number TEXT NOT NULL,
                invoice_date TEXT NOT NULL,
                status TEXT NOT NULL,
                cancels TEXT,
                content TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                transfer_state TEXT NOT NULL,
                state_reason TEXT,
                lexoffice_id TEXT,
                voucher_number TEXT,
                customer_number TEXT,
                received_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                version INTEGER NOT NULL,
                UNIQUE (tenant_id, source_id)
            )
            """,
            "CREATE INDEX source_invoices_date ON source_invoices (tenant_id, invoice_date, id)",
            "CREATE INDEX source_invoices_state ON source_invoices (tenant_id, transfer_state, id)",
        ]
    }
}
