import Foundation
import KontorCore
import KontorFlows
import SQLKit

extension JobQueue {
    /// Takes the lease of up to `limit` tenants that have due jobs and whose lease is free or expired, oldest due
    /// job first, all in one transaction; each taking starts a new epoch of the lease (``JobClaim``). A tenant whose
    /// lease expired (its worker crashed or lost it) gets its `running` jobs back into the queue, each counting an
    /// interruption; a job interrupted ``maximumInterruptions`` times in a row (or as often as it has attempts) is
    /// `dead`: a job that brings its worker down every time is not run forever.
    /// Tenants in `excluded` (those the caller still works on) are not taken.
    /// - Returns: The tenants now leased to `owner` until `now + duration`, oldest due job first.
    package func leaseReadyTenants(
        owner: String,
        limit: Int,
        duration: Duration,
        excluding excluded: Set<TenantID> = []
    ) async throws -> [TenantID] {
        guard limit > 0 else { return [] }
        let now = clock.nowMilliseconds
        let candidates = try await database.read { db in
            try await db.raw(
                """
                SELECT j.tenant_id AS tenant_id, MIN(j.id) AS first_id FROM jobs j \
                LEFT JOIN tenant_leases l ON l.tenant_id = j.tenant_id \
                WHERE ((j.state = 'queued' AND j.run_at <= \(bind: now)) OR j.state = 'running') \
                AND (l.tenant_id IS NULL OR ((l.paused_reason IS NULL OR \(runsWhilePaused("j.kind"))) \
                AND (l.owner IS NULL OR l.lease_until < \(bind: now)))) \
                GROUP BY j.tenant_id ORDER BY first_id LIMIT \(literal: limit)
                """
            ).all().map { TenantID(try $0.decode(column: "tenant_id", as: String.self)) }
                .filter { !excluded.contains($0) }
        }
        guard !candidates.isEmpty else { return [] }
        let taken = try await database.groupedTransaction { db in
            var taken: Set<TenantID> = []
            // In one order in every process, so that two workers leasing on PostgreSQL never wait on each other's
            // rows in a cycle.
            for tenant in candidates.sorted(by: { $0.rawValue < $1.rawValue })
            where try await takeLease(of: tenant, owner: owner, duration: duration, in: db) {
                taken.insert(tenant)
            }
            return taken
        }
        return candidates.filter(taken.contains)
    }

    private func takeLease(
        of tenant: TenantID,
        owner: String,
        duration: Duration,
        in db: any SQLDatabase
    ) async throws -> Bool {
        let now = clock.nowMilliseconds
        let taken = try await db.raw(
            """
            INSERT INTO tenant_leases (tenant_id, owner, lease_until, epoch) \
            VALUES (\(bind: tenant.rawValue), \(bind: owner), \(bind: now + duration.milliseconds), 1) \
            ON CONFLICT (tenant_id) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until, \
            epoch = tenant_leases.epoch + 1 WHERE (tenant_leases.owner IS NULL OR tenant_leases.lease_until < \(bind: now)) \
            RETURNING tenant_id
            """
        ).first()
        guard taken != nil else { return false }
        try await db.raw(
            """
            UPDATE jobs SET state = 'dead', lease_owner = NULL, updated_at = \(bind: now), \
            interruptions = interruptions + 1, last_error = \(bind: Self.abandonedLastAttempt) \
            WHERE tenant_id = \(bind: tenant.rawValue) AND state = 'running' \
            AND (interruptions + 1 >= \(bind: Self.maximumInterruptions) OR interruptions + 1 >= max_attempts)
            """
        ).run()
        try await db.raw(
            """
            UPDATE jobs SET state = 'queued', lease_owner = NULL, updated_at = \(bind: now), \
            interruptions = interruptions + 1 WHERE tenant_id = \(bind: tenant.rawValue) AND state = 'running'
            """
        ).run()
        return true
    }

    /// How many attempts in a row a job may lose its worker (a crash, a lost lease) before it is `dead`.
    package static let maximumInterruptions = 3

    /// The error of a job whose worker went away during too many attempts in a row.
    static let abandonedLastAttempt =
        "its worker stopped (crashed or lost its lease) during every one of its last attempts; "
        + "retry it by hand once the cause is found"

    /// Extends the lease of `tenant` that `claim` names to `now + duration`.
    /// - Returns: `false` when the lease is no longer the claim's (it expired and a worker, perhaps the same one,
    ///   took it again).
    package func renewLease(of tenant: TenantID, claim: JobClaim, duration: Duration) async throws -> Bool {
        try await database.groupedTransaction { db in
            let now = clock.nowMilliseconds
            return try await db.raw(
                """
                UPDATE tenant_leases SET lease_until = \(bind: now + duration.milliseconds) \
                WHERE tenant_id = \(bind: tenant.rawValue) AND owner = \(bind: claim.owner) \
                AND epoch = \(bind: claim.epoch) RETURNING tenant_id
                """
            ).first() != nil
        }
    }

    /// Gives `tenant`'s lease back so that any worker may take it at once.
    package func releaseLease(of tenant: TenantID, owner: String) async throws {
        try await database.groupedTransaction { db in
            try await db.raw(
                """
                UPDATE tenant_leases SET owner = NULL, lease_until = 0 \
                WHERE tenant_id = \(bind: tenant.rawValue) AND owner = \(bind: owner)
                """
            ).run()
        }
    }

    /// Claims `tenant`'s next due job (enqueue order) for `owner`, counting an attempt, and extends the lease once a
    /// third of it is used up.
    /// - Returns: The claimed job, or `nil` when nothing is due or the lease is no longer `owner`'s.
    package func claimNextJob(of tenant: TenantID, owner: String, leaseDuration: Duration) async throws -> Job? {
        try await database.groupedTransaction { db in
            try await claimNextJob(of: tenant, owner: owner, leaseDuration: leaseDuration, in: db)
        }
    }

    private func claimNextJob(
        of tenant: TenantID,
        owner: String,
        leaseDuration: Duration,
        in db: any SQLDatabase
    ) async throws -> Job? {
        let now = clock.nowMilliseconds
        let lockClause = database.kind == .postgres ? " FOR UPDATE" : ""
        // SQLite's planner, without statistics, prefers the covering `jobs_ready` index, which walks every due
        // job of every tenant; this tenant's jobs in order are one range of `jobs_tenant`.
        let tenantIndex = database.kind == .sqlite ? " INDEXED BY jobs_tenant" : ""
        let lease = try await db.raw(
            """
            SELECT owner, lease_until, paused_reason, epoch FROM tenant_leases WHERE tenant_id = \(bind: tenant.rawValue)\
            \(unsafeRaw: lockClause)
            """
        ).first()
        guard let lease, try lease.decode(column: "owner", as: String?.self) == owner else { return nil }
        let leaseUntil = try lease.decode(column: "lease_until", as: Int64.self)
        guard leaseUntil >= now else { return nil }
        let claim = JobClaim(owner: owner, epoch: try lease.decode(column: "epoch", as: Int64.self))
        let isPaused = try lease.decode(column: "paused_reason", as: String?.self) != nil
        let kindClause: SQLQueryString = isPaused ? " AND \(runsWhilePaused("kind"))" : ""
        // Extend the lease only once a third of it is used up: one statement less for most claims.
        if leaseUntil - now < leaseDuration.milliseconds * 2 / 3 {
            try await db.raw(
                """
                UPDATE tenant_leases SET lease_until = \(bind: now + leaseDuration.milliseconds) \
                WHERE tenant_id = \(bind: tenant.rawValue)
                """
            ).run()
        }
        let claimed = try await db.raw(
            """
            UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = \(bind: owner), \
            updated_at = \(bind: now) WHERE id = (SELECT id FROM jobs\(unsafeRaw: tenantIndex) WHERE tenant_id = \(bind: tenant.rawValue) \
            AND state = 'queued' AND run_at <= \(bind: now)\(kindClause) ORDER BY id LIMIT 1) RETURNING *
            """
        ).first()
        return try claimed.map { row in
            var job = try Job(row: row)
            job.claim = claim
            if let window = retryWindows[job.kind] {
                let since = try row.decode(column: "failing_since", as: Int64?.self) ?? now
                job.givesUpAt = Date(millisecondsSince1970: since + window.milliseconds)
            }
            return job
        }
    }

    /// Records what became of a claimed job.
    /// - Returns: The job's new state, or `nil` when the job was no longer `owner`'s (its lease expired and it was
    ///   taken over); then nothing is changed.
    @discardableResult
    package func finish(_ job: Job, owner: String, outcome: JobOutcome) async throws -> JobState? {
        try await database.groupedTransaction { db in try await finish(job, owner: owner, outcome: outcome, in: db) }
    }

    /// Records what became of a claimed job and, given a `leaseDuration`, claims the tenant's next due job in the
    /// same commit (one commit per job instead of two).
    /// - Returns: The job's new state, or `nil` when the job was no longer `owner`'s (then nothing is changed and
    ///   nothing claimed); and the next job, or `nil` when none is due, none was asked for or the lease is no
    ///   longer `owner`'s.
    package func finish(
        _ job: Job,
        owner: String,
        outcome: JobOutcome,
        claimingNextWithLease leaseDuration: Duration?
    ) async throws -> (state: JobState?, next: Job?) {
        try await database.groupedTransaction { db in
            guard let state = try await finish(job, owner: owner, outcome: outcome, in: db) else { return (nil, nil) }
            guard let leaseDuration else { return (state, nil) }
            return (state, try await claimNextJob(of: job.tenantID, owner: owner, leaseDuration: leaseDuration, in: db))
        }
    }

    private func finish(
        _ job: Job,
        owner: String,
        outcome: JobOutcome,
        in db: any SQLDatabase
    ) async throws -> JobState? {
        if let claim = job.claim {
            do {
                try await claim.verify(for: job.tenantID, in: db, kind: database.kind)
            } catch let problem as FlowProblem where problem.code == .leaseLost {
                return nil
            }
        }
        let now = clock.nowMilliseconds
        let (state, runAt, attempts, error): (JobState, Int64, Int, String?) =
            switch outcome {
            case .completed:
                (.done, job.runAt.millisecondsSince1970, job.attempts, nil)
            case .retry(let reason, let after):
                !job.mayRetry(at: clock.now)
                    ? (.dead, job.runAt.millisecondsSince1970, job.attempts, reason)
                    : (
                        .queued,
                        now + (after ?? backoff.delay(afterAttempt: job.attempts)).milliseconds,
                        job.attempts, reason
                    )
            case .failed(let reason):
                (.dead, job.runAt.millisecondsSince1970, job.attempts, reason)
            case .pauseTenant(let reason):
                (.queued, job.runAt.millisecondsSince1970, max(0, job.attempts - 1), reason)
            }
        let updated = try await db.raw(
            """
            UPDATE jobs SET state = \(bind: state.rawValue), run_at = \(bind: runAt), attempts = \(bind: attempts), \
            last_error = \(bind: error ?? job.lastError), lease_owner = NULL, updated_at = \(bind: now), \
            interruptions = 0, failing_since = \(Self.failingSince(after: outcome, now: now)) \
            WHERE id = \(bind: job.id.rawValue) AND state = 'running' AND lease_owner = \(bind: owner) \
            RETURNING id
            """
        ).first()
        guard updated != nil else { return nil }
        if case .pauseTenant(let reason) = outcome {
            try await pause(job.tenantID, reason: reason, in: db)
        }
        return state
    }

    /// The new value of `failing_since`: the first failure of a run of retries is kept; success ends the run, and
    /// so does a pause of the tenant (its jobs wait for a person, however long: the window starts anew after it).
    private static func failingSince(after outcome: JobOutcome, now: Int64) -> SQLQueryString {
        switch outcome {
        case .retry: "COALESCE(failing_since, \(bind: now))"
        case .completed, .pauseTenant: "NULL"
        case .failed: "failing_since"
        }
    }

    /// The condition "the job kind in `column` runs while its tenant is paused".
    private func runsWhilePaused(_ column: String) -> SQLQueryString {
        guard !kindsRunningWhilePaused.isEmpty else { return "1 = 0" }
        return "\(unsafeRaw: column) IN (\(binds: kindsRunningWhilePaused))"
    }

    /// Stops handing out `tenant`'s jobs (e.g. its lexoffice connection must be reconnected); they stay queued.
    /// Jobs of ``JobQueue/kindsRunningWhilePaused`` (callbacks to the source) still run.
    package func pauseTenant(_ tenant: TenantID, reason: String) async throws {
        try await database.transaction { db in try await pause(tenant, reason: reason, in: db) }
    }

    /// Lets `tenant`'s jobs run again after ``pauseTenant(_:reason:)``.
    package func resumeTenant(_ tenant: TenantID) async throws {
        try await database.transaction { db in
            try await db.raw("UPDATE tenant_leases SET paused_reason = NULL WHERE tenant_id = \(bind: tenant.rawValue)")
                .run()
        }
    }

    /// Why `tenant`'s jobs are paused, or `nil` when they are not.
    package func pauseReason(of tenant: TenantID) async throws -> String? {
        try await database.read { db in
            try await db.raw("SELECT paused_reason FROM tenant_leases WHERE tenant_id = \(bind: tenant.rawValue)")
                .first()?.decode(column: "paused_reason", as: String?.self)
        }
    }

    private func pause(_ tenant: TenantID, reason: String, in db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO tenant_leases (tenant_id, owner, lease_until, paused_reason) \
            VALUES (\(bind: tenant.rawValue), NULL, 0, \(bind: reason)) \
            ON CONFLICT (tenant_id) DO UPDATE SET paused_reason = excluded.paused_reason
            """
        ).run()
    }
}

extension Duration {
    /// The duration in whole milliseconds (rounded down).
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
