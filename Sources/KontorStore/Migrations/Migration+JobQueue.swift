extension Migration {
    /// Version 1: the durable job queue and the tenant leases (DESIGN.md §4). Times are milliseconds since 1970.
    static let jobQueue = Migration(version: 1, name: "job queue") { kind in
        [
            """
            CREATE TABLE jobs (
                id \(kind.identityPrimaryKey),
                tenant_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                max_attempts INTEGER NOT NULL,
                run_at BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                lease_owner TEXT,
                dedupe_key TEXT UNIQUE,
                last_error TEXT
            )
            """,
            "CREATE INDEX jobs_due ON jobs (state, run_at)",
            "CREATE INDEX jobs_tenant ON jobs (tenant_id, state, id)",
            """
            CREATE TABLE tenant_leases (
                tenant_id TEXT PRIMARY KEY,
                owner TEXT,
                lease_until BIGINT NOT NULL DEFAULT 0,
                paused_reason TEXT
            )
            """,
        ]
    }
}
