extension Migration {
    /// Version 9: the source's payment status of an invoice (`open`, `paid`), kept beside its content, and the
    /// payment statuses an export was limited to.
    static let paymentStatus = Migration(version: 9, name: "payment status") { _ in
        [
            "ALTER TABLE source_invoices ADD COLUMN payment_status TEXT",
            "ALTER TABLE exports ADD COLUMN payment_statuses TEXT",
        ]
    }
}
