extension Migration {
    /// Version 8: every tenant lease counts how often it was taken (`epoch`). A claimed job carries the epoch, and
    /// the writes of its flow commit only while the lease still has it (``JobClaim``): a worker that lost the lease
    /// can never write after the one that took it over.
    static let leaseEpochs = Migration(version: 8, name: "lease epochs") { _ in
        ["ALTER TABLE tenant_leases ADD COLUMN epoch BIGINT NOT NULL DEFAULT 0"]
    }
}
