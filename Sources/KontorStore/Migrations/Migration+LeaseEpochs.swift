extension Migration {
    /// Version 8: every tenant lease counts how often it was taken (`epoch`). A claimed job carries the epoch, and
    /// the writes of its flow commit only while the lease still has it (``JobClaim``): a worker that lost the lease
    /// can never write after the one that took it over. Jobs count the attempts during which their worker went
    /// away (`interruptions`) and remember since when they fail (`failing_since`), so that retries can be bounded
    /// by time.
    static let leaseEpochs = Migration(version: 8, name: "lease epochs and retry windows") { _ in
        [
            "ALTER TABLE tenant_leases ADD COLUMN epoch BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE jobs ADD COLUMN interruptions INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE jobs ADD COLUMN failing_since BIGINT",
        ]
    }
}
