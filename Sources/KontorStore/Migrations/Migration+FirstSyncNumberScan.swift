extension Migration {
    /// Version 18: a first customer sync goes on past lexoffice's 10,000-entry list window by looking contacts up
    /// by customer number; `customer_first_syncs.scan_number` is the next number to look up (`NULL` while paging),
    /// `scan_misses` how many numbers in a row above the highest known one had no contact.
    static let firstSyncNumberScan = Migration(version: 18, name: "first sync number scan") { _ in
        [
            "ALTER TABLE customer_first_syncs ADD COLUMN scan_number BIGINT",
            "ALTER TABLE customer_first_syncs ADD COLUMN scan_misses INTEGER NOT NULL DEFAULT 0",
        ]
    }
}
