import KontorCore
import SQLKit

/// What became of a received lexoffice event.
package enum WebhookReceipt: Sendable, Equatable {
    /// No tenant is connected to the event's organization; nothing was stored.
    case unknownOrganization
    /// The event is a job already (lexoffice retries deliveries it thinks failed); nothing was stored.
    case duplicate(TenantID)
    /// The event was stored for the tenant, staged for the job queue (see ``WebhookInbox``).
    case received(TenantID)
}

/// Takes verified lexoffice webhook events into the queue exactly once, in two steps:
/// - On receipt (the intake's hot path, durable before the answer), one statement finds the tenant, drops the event
///   if it is a job already, and appends it to `staged_jobs`, a table without secondary indexes: the commit writes
///   little more than that table's last page, however many tenants there are.
/// - ``JobQueue/admitStagedJobs(limit:)`` (run by every worker pool) moves staged events into `jobs` in batches;
///   a job's dedupe key is the event's key (organization, event type, resource, event date), so an event lexoffice
///   delivered twice before its first delivery was admitted becomes one job all the same.
package struct WebhookInbox: Sendable {
    let queue: JobQueue

    /// An inbox feeding `queue`.
    package init(queue: JobQueue) {
        self.queue = queue
    }

    /// The job kind of a received lexoffice event.
    package static let jobKind = "lexoffice.event"

    /// Stages `payload` (the event body) for the tenant connected to `organizationID`, unless the event with `key`
    /// is a job already; a short write that shares its commit with concurrent ones.
    package func receive(organizationID: String, key: String, payload: String) async throws -> WebhookReceipt {
        let dedupeKey = "event:" + key
        return try await queue.database.groupedTransaction { db in
            let now = queue.clock.nowMilliseconds
            // Reading the dedupe index only (no page of it is written here) keeps the commit small.
            let staged = try await db.raw(
                """
                INSERT INTO staged_jobs (tenant_id, kind, payload, dedupe_key, received_at) \
                SELECT tenant_id, \(bind: Self.jobKind), \(bind: payload), \(bind: dedupeKey), \(bind: now) \
                FROM connections WHERE organization_id = \(bind: organizationID) \
                AND NOT EXISTS (SELECT 1 FROM jobs WHERE dedupe_key = \(bind: dedupeKey)) RETURNING tenant_id
                """
            ).first()
            if let staged { return .received(TenantID(try staged.decode(column: "tenant_id", as: String.self))) }
            guard let tenant = try await ConnectionStore.tenant(forOrganization: organizationID, in: db) else {
                return .unknownOrganization
            }
            return .duplicate(tenant)
        }
    }
}
