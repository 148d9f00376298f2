extension Migration {
    /// Version 6: an index that answers "which tenants have due jobs" by itself. Leasing polls this question several
    /// times a second; through `jobs_due (state, run_at)` every due job's row (with its payload) had to be read,
    /// which made a large backlog slow down everything else on the database. The new index holds the tenant and
    /// kind too (and the job id, as every index does), so the poll reads only index pages.
    static let readyJobsIndex = Migration(version: 6, name: "ready jobs index") { _ in
        [
            "CREATE INDEX jobs_ready ON jobs (state, run_at, tenant_id, kind)",
            "DROP INDEX jobs_due",
        ]
    }
}
