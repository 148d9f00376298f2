extension Migration {
    /// Version 15: `tenants.archive_settings` goes. It was reserved for the archive before the archive got its own
    /// table (`archive_settings`, version 13) and was never read. Both engines drop a plain column alike (SQLite
    /// since 3.35).
    static let unusedTenantColumns = Migration(version: 16, name: "tenants without archive settings") { _ in
        ["ALTER TABLE tenants DROP COLUMN archive_settings"]
    }
}
