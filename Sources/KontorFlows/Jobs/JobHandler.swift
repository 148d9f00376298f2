/// Runs jobs for a ``JobWorkerPool``: the flows (transfer, archive, callbacks) implement it.
package protocol JobHandler: Sendable {
    /// Does the job's work and tells the pool what became of it. Called with the tenant's lease held, one job of
    /// a tenant at a time; cancellation means the process is going down hard (the job will be taken over).
    func handle(_ job: Job) async -> JobOutcome
}

/// What became of one attempt of a job.
package enum JobOutcome: Sendable, Equatable {
    /// Done; never run again.
    case completed
    /// Failed for a reason that may pass (network, 5xx, 429): try again after the backoff, or after `after` when
    /// the other side said how long to wait. After the last attempt the job is `dead`.
    case retry(reason: String, after: Duration? = nil)
    /// Failed for a reason that will not pass by itself (invalid data, 4xx): `dead` at once, kept with its reason.
    case failed(reason: String)
    /// The tenant cannot work now (its lexoffice connection needs to be reconnected): the job goes back to the
    /// queue without using an attempt and the tenant's jobs pause until ``JobQueue/resumeTenant(_:)``.
    case pauseTenant(reason: String)
}
