import Foundation
import KontorCore
import KontorFlows
import SQLKit

/// The durable job queue (DESIGN.md §4): jobs survive crashes, a tenant's jobs run one at a time under a tenant
/// lease, failures back off with jitter, and jobs that cannot succeed stay visible as `dead`.
///
/// The same statements run on SQLite and PostgreSQL. Workers use it through ``JobWorkerPool``.
package struct JobQueue: Sendable {
    /// The database the queue lives in.
    package let database: any StoreDatabase
    /// The clock that dates jobs.
    package let clock: any WallClock
    let backoff: RetryBackoff
    let defaultMaxAttempts: Int
    /// Job kinds that still run while their tenant is paused (callbacks telling the source why it is paused).
    package let kindsRunningWhilePaused: [String]
    /// Per job kind, how long failures are retried from the first one on (e.g. transfers through a lexoffice
    /// outage); kinds not named here are retried `max_attempts` times.
    package let retryWindows: [String: Duration]

    /// A queue in `database`; the schema must be migrated (``Migrator``).
    package init(
        database: any StoreDatabase,
        clock: any WallClock = SystemWallClock(),
        backoff: RetryBackoff = .standard,
        defaultMaxAttempts: Int = 10,
        kindsRunningWhilePaused: [String] = [CallbackOutbox.jobKind],
        retryWindows: [String: Duration] = [:]
    ) {
        self.database = database
        self.clock = clock
        self.backoff = backoff
        self.defaultMaxAttempts = max(1, defaultMaxAttempts)
        self.kindsRunningWhilePaused = kindsRunningWhilePaused
        self.retryWindows = retryWindows
    }

    /// Stores a job, or finds the existing one with the same dedupe key.
    package func enqueue(_ job: NewJob) async throws -> EnqueueResult {
        try await database.groupedTransaction { db in try await enqueue(job, in: db) }
    }

    /// Stores a job inside the caller's transaction, so that the job and the data it works on are committed
    /// together (or not at all).
    package func enqueue(_ job: NewJob, in db: any SQLDatabase) async throws -> EnqueueResult {
        let now = clock.nowMilliseconds
        let inserted = try await db.raw(
            "\(Self.insertJobs) \(row(of: job, at: now)) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id"
        ).first()
        if let inserted {
            return .enqueued(JobID(try inserted.decode(column: "id", as: Int64.self)))
        }
        guard
            let existing = try await db.raw("SELECT id FROM jobs WHERE dedupe_key = \(bind: job.dedupeKey)").first()
        else {
            throw StoreError(.inconsistent, "the job was neither stored nor found by its dedupe key")
        }
        return .duplicate(JobID(try existing.decode(column: "id", as: Int64.self)))
    }

    /// Stores `jobs` inside the caller's transaction, in order, a few hundred per statement; a job whose dedupe key
    /// is taken is left out (the existing one stands).
    package func enqueue(contentsOf jobs: [NewJob], in db: any SQLDatabase) async throws {
        let now = clock.nowMilliseconds
        for start in stride(from: 0, to: jobs.count, by: Self.jobsPerInsert) {
            let rows = jobs[start..<min(start + Self.jobsPerInsert, jobs.count)].map { row(of: $0, at: now) }
            try await db.raw(
                "\(Self.insertJobs) \(rows.joined(separator: ", ")) ON CONFLICT (dedupe_key) DO NOTHING"
            ).run()
        }
    }

    private static let insertJobs: SQLQueryString = """
        INSERT INTO jobs (tenant_id, kind, payload, state, attempts, max_attempts, run_at, created_at, updated_at, \
        dedupe_key) VALUES
        """

    /// The `VALUES` row of a new queued job.
    private func row(of job: NewJob, at now: Int64) -> SQLQueryString {
        """
        (\(bind: job.tenantID.rawValue), \(bind: job.kind), \(bind: job.payload), 'queued', 0, \
        \(bind: job.maxAttempts ?? defaultMaxAttempts), \(bind: job.runAt?.millisecondsSince1970 ?? now), \
        \(bind: now), \(bind: now), \(bind: job.dedupeKey))
        """
    }

    /// Rows per statement in ``enqueue(contentsOf:in:)``: 8 parameters each stay far below both engines' limits.
    private static let jobsPerInsert = 256

    /// The job with `id`, or `nil`.
    package func job(_ id: JobID) async throws -> Job? {
        try await database.read { db in
            try await db.raw("SELECT * FROM jobs WHERE id = \(bind: id.rawValue)").first().map(Job.init(row:))
        }
    }

    /// Jobs in enqueue order after `cursor`, optionally only those in `state` and of `tenant`.
    package func jobs(
        state: JobState? = nil,
        tenant: TenantID? = nil,
        after cursor: JobID? = nil,
        limit: Int = 50
    )
        async throws -> [Job]
    {
        var query: SQLQueryString = "SELECT * FROM jobs WHERE id > \(bind: cursor?.rawValue ?? 0)"
        if let state { query += " AND state = \(bind: state.rawValue)" }
        if let tenant { query += " AND tenant_id = \(bind: tenant.rawValue)" }
        query += " ORDER BY id LIMIT \(literal: max(1, min(limit, 1000)))"
        let finalQuery = query
        return try await database.read { db in
            try await db.raw(finalQuery).all().map(Job.init(row:))
        }
    }

    /// How many jobs are in each state (the queue depth for `/metrics`).
    package func counts() async throws -> [JobState: Int] {
        try await database.read { db in
            var counts = Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0, 0) })
            for row in try await db.raw("SELECT state, COUNT(*) AS n FROM jobs GROUP BY state").all() {
                if let state = JobState(rawValue: try row.decode(column: "state", as: String.self)) {
                    counts[state] = try row.decode(column: "n", as: Int.self)
                }
            }
            return counts
        }
    }

    /// Puts a `dead` job back into the queue with fresh attempts, to run now.
    /// - Throws: ``StoreError`` `not-found`, or `conflict` when the job is not dead.
    @discardableResult
    package func retry(_ id: JobID) async throws -> Job {
        try await database.transaction { db in
            guard let job = try await db.raw("SELECT * FROM jobs WHERE id = \(bind: id.rawValue)").first() else {
                throw StoreError(.unknownJob, "job \(id) does not exist")
            }
            guard try Job(row: job).state == .dead else {
                throw StoreError(.invalidState, "job \(id) is not dead; only dead jobs can be retried")
            }
            let now = clock.nowMilliseconds
            try await db.raw(
                """
                UPDATE jobs SET state = 'queued', attempts = 0, interruptions = 0, failing_since = NULL, \
                run_at = \(bind: now), updated_at = \(bind: now), lease_owner = NULL WHERE id = \(bind: id.rawValue)
                """
            ).run()
            guard let updated = try await db.raw("SELECT * FROM jobs WHERE id = \(bind: id.rawValue)").first() else {
                throw StoreError(.unknownJob, "job \(id) does not exist")
            }
            return try Job(row: updated)
        }
    }
}
