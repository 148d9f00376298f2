import Foundation
import KontorCore

/// Identifies a job; assigned by the database in enqueue order.
package struct JobID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The database's identifier.
    package let rawValue: Int64

    /// A job identifier.
    package init(rawValue: Int64) { self.rawValue = rawValue }

    /// A job identifier.
    package init(_ rawValue: Int64) { self.rawValue = rawValue }

    package static func < (lhs: JobID, rhs: JobID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The number.
    package var description: String { String(rawValue) }
}

/// Where a job is in its life.
package enum JobState: String, Sendable, CaseIterable, Codable {
    /// Waiting for its run date and a worker.
    case queued
    /// Claimed by a worker that holds its tenant's lease.
    case running
    /// Finished successfully.
    case done
    /// Failed permanently or ran out of attempts; kept with its error until retried by hand.
    case dead
}

/// A unit of durable work for one tenant: transfer an invoice, process a webhook event, send a callback.
package struct Job: Sendable, Equatable, Codable {
    /// The job's identifier.
    package var id: JobID
    /// The tenant the job belongs to; one worker at a time runs a tenant's jobs.
    package var tenantID: TenantID
    /// What to do, e.g. `invoice.transfer`; the handler dispatches on it.
    package var kind: String
    /// The job's input, as JSON text.
    package var payload: String
    /// Where the job is in its life.
    package var state: JobState
    /// How often it was claimed so far (a crash while running counts).
    package var attempts: Int
    /// After this many failed attempts the job is `dead`.
    package var maxAttempts: Int
    /// Not before this time.
    package var runAt: Date
    /// When it was enqueued.
    package var createdAt: Date
    /// When its state last changed.
    package var updatedAt: Date
    /// The enqueuer's key that makes a second enqueue of the same work a no-op.
    package var dedupeKey: String?
    /// The error of the last failed attempt, for people.
    package var lastError: String?
    /// The tenant lease the job was claimed under, while it is `running`.
    package var claim: JobClaim?
    /// For a job whose retries are bounded by time (see ``JobQueue``'s retry windows): when the queue gives up.
    /// Set on a claimed job; `nil` when the job's attempts are bounded by ``maxAttempts``.
    package var givesUpAt: Date?

    /// Whether a failure now may be retried: before ``givesUpAt`` for a job bounded by time, else while attempts
    /// are left.
    package func mayRetry(at now: Date) -> Bool {
        if let givesUpAt { return now < givesUpAt }
        return attempts < maxAttempts
    }

    /// A job as the queue stores it.
    package init(
        id: JobID,
        tenantID: TenantID,
        kind: String,
        payload: String,
        state: JobState,
        attempts: Int,
        maxAttempts: Int,
        runAt: Date,
        createdAt: Date,
        updatedAt: Date,
        dedupeKey: String?,
        lastError: String?,
        claim: JobClaim? = nil
    ) {
        self.id = id
        self.tenantID = tenantID
        self.kind = kind
        self.payload = payload
        self.state = state
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.runAt = runAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.dedupeKey = dedupeKey
        self.lastError = lastError
        self.claim = claim
    }
}

/// A job to enqueue.
package struct NewJob: Sendable, Equatable {
    /// The tenant the job belongs to.
    package var tenantID: TenantID
    /// What to do.
    package var kind: String
    /// The job's input, as JSON text.
    package var payload: String
    /// Enqueueing again with the same key returns the existing job instead of a new one (forever, also
    /// after the first job is done).
    package var dedupeKey: String?
    /// Not before this time (default: now).
    package var runAt: Date?
    /// Attempts before the job is `dead` (default: the queue's).
    package var maxAttempts: Int?

    /// A job to enqueue.
    package init(
        tenantID: TenantID,
        kind: String,
        payload: String = "{}",
        dedupeKey: String? = nil,
        runAt: Date? = nil,
        maxAttempts: Int? = nil
    ) {
        self.tenantID = tenantID
        self.kind = kind
        self.payload = payload
        self.dedupeKey = dedupeKey
        self.runAt = runAt
        self.maxAttempts = maxAttempts
    }
}

/// What ``JobQueue/enqueue(_:)`` did.
package enum EnqueueResult: Sendable, Equatable {
    /// A new job was stored.
    case enqueued(JobID)
    /// A job with the same dedupe key already existed; nothing was stored.
    case duplicate(JobID)

    /// The new or the existing job.
    package var jobID: JobID {
        switch self {
        case .enqueued(let id), .duplicate(let id): id
        }
    }
}
