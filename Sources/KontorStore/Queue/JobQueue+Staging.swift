import KontorCore
import SQLKit

extension JobQueue {
    /// Moves up to `limit` staged jobs (oldest first) into the queue, in one transaction: each becomes a queued job
    /// unless a job with its dedupe key exists (a redelivered event; also one staged twice) or its tenant was
    /// deleted meanwhile, and leaves the stage.
    /// The jobs keep the order they were staged in and are due from the time they were received.
    ///
    /// Worker pools call this before they look for due tenants; it is safe to call from several processes at once
    /// (admissions run one after another).
    /// - Returns: How many staged jobs were taken (admitted or dropped as duplicates); fewer than `limit` means the
    ///   stage was emptied.
    @discardableResult
    package func admitStagedJobs(limit: Int = 256) async throws -> Int {
        let limit = max(1, limit)
        // Mostly there is nothing staged: a read (no write transaction, no wait for the writer) says so.
        let isEmpty = try await database.read { db in
            try await db.raw("SELECT id FROM staged_jobs LIMIT 1").first() == nil
        }
        guard !isEmpty else { return 0 }
        let now = clock.nowMilliseconds
        return try await database.transaction { db in
            switch database.kind {
            case .sqlite: try await admitOnSQLite(limit: limit, now: now, in: db)
            case .postgres: try await admitOnPostgres(limit: limit, now: now, in: db)
            }
        }
    }

    /// How many jobs are staged and not yet admitted.
    package func stagedCount() async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM staged_jobs").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// SQLite: the write transaction excludes every other writer, so the rows up to the batch's last id are the
    /// same for the copy and the delete.
    private func admitOnSQLite(limit: Int, now: Int64, in db: any SQLDatabase) async throws -> Int {
        guard
            let batch = try await db.raw(
                """
                SELECT MAX(id) AS last, COUNT(*) AS n FROM \
                (SELECT id FROM staged_jobs ORDER BY id LIMIT \(literal: limit)) AS batch
                """
            ).first(),
            let last = try batch.decode(column: "last", as: Int64?.self)
        else { return 0 }
        // The WHERE clause also keeps SQLite from reading ON CONFLICT as part of a join.
        try await db.raw(
            """
            INSERT INTO jobs (tenant_id, kind, payload, state, attempts, max_attempts, run_at, created_at, \
            updated_at, dedupe_key) \
            SELECT tenant_id, kind, payload, 'queued', 0, \(bind: defaultMaxAttempts), received_at, received_at, \
            \(bind: now), dedupe_key FROM staged_jobs s WHERE id <= \(bind: last) \
            AND EXISTS (SELECT 1 FROM tenants t WHERE t.id = s.tenant_id) ORDER BY id \
            ON CONFLICT (dedupe_key) DO NOTHING
            """
        ).run()
        try await db.raw("DELETE FROM staged_jobs WHERE id <= \(bind: last)").run()
        return try batch.decode(column: "n", as: Int.self)
    }

    /// PostgreSQL: rows staged by transactions that commit while this one runs must neither be deleted unread nor
    /// overtake older ones, so the batch is the rows this statement locks and deletes, and admissions of several
    /// processes take turns under an advisory lock.
    private func admitOnPostgres(limit: Int, now: Int64, in db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT pg_advisory_xact_lock(\(bind: Self.admissionLockKey))").run()
        let taken = try await db.raw(
            """
            WITH moved AS (DELETE FROM staged_jobs WHERE id IN \
            (SELECT id FROM staged_jobs ORDER BY id LIMIT \(literal: limit) FOR UPDATE) \
            RETURNING id, tenant_id, kind, payload, dedupe_key, received_at), \
            admitted AS (INSERT INTO jobs (tenant_id, kind, payload, state, attempts, max_attempts, run_at, \
            created_at, updated_at, dedupe_key) \
            SELECT tenant_id, kind, payload, 'queued', 0, \(bind: defaultMaxAttempts), received_at, received_at, \
            \(bind: now), dedupe_key FROM moved WHERE EXISTS (SELECT 1 FROM tenants t WHERE t.id = moved.tenant_id) \
            ORDER BY id ON CONFLICT (dedupe_key) DO NOTHING RETURNING 1) \
            SELECT COUNT(*) AS n FROM moved
            """
        ).first()
        return try taken?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The PostgreSQL advisory lock admissions take turns under ("kontor staged jobs" in ASCII, truncated).
    private static let admissionLockKey: Int64 = 0x6B6F_6E74_7374_6764
}
