import KontorCore
import SQLKit

/// What became of a received lexoffice event.
package enum WebhookReceipt: Sendable, Equatable {
    /// No tenant is connected to the event's organization; nothing was stored.
    case unknownOrganization
    /// The event was received before (lexoffice retries deliveries it thinks failed); nothing was enqueued.
    case duplicate(TenantID)
    /// The event was recorded and enqueued for the tenant.
    case enqueued(TenantID)
}

/// Takes verified lexoffice webhook events into the queue exactly once. The job's dedupe key is the event's key
/// (organization, event type, resource, event date), so an event lexoffice delivers again is dropped, and the
/// tenant is found, the duplicate detected and the job stored by one statement (the intake's hot path).
package struct WebhookInbox: Sendable {
    let queue: JobQueue

    /// An inbox feeding `queue`.
    package init(queue: JobQueue) {
        self.queue = queue
    }

    /// The job kind of a received lexoffice event.
    package static let jobKind = "lexoffice.event"

    /// Enqueues `payload` (the event body) for the tenant connected to `organizationID`, unless the event with
    /// `key` was received before; a short write that shares its commit with concurrent ones.
    package func receive(organizationID: String, key: String, payload: String) async throws -> WebhookReceipt {
        try await queue.database.groupedTransaction { db in
            let now = queue.clock.nowMilliseconds
            // The SELECT's WHERE clause also keeps SQLite from reading ON CONFLICT as part of a join.
            let enqueued = try await db.raw(
                """
                INSERT INTO jobs (tenant_id, kind, payload, state, attempts, max_attempts, run_at, created_at, \
                updated_at, dedupe_key) \
                SELECT tenant_id, \(bind: Self.jobKind), \(bind: payload), 'queued', 0, \
                \(bind: queue.defaultMaxAttempts), \(bind: now), \(bind: now), \(bind: now), \(bind: "event:" + key) \
                FROM connections WHERE organization_id = \(bind: organizationID) \
                ON CONFLICT (dedupe_key) DO NOTHING RETURNING tenant_id
                """
            ).first()
            if let enqueued { return .enqueued(TenantID(try enqueued.decode(column: "tenant_id", as: String.self))) }
            guard let tenant = try await ConnectionStore.tenant(forOrganization: organizationID, in: db) else {
                return .unknownOrganization
            }
            return .duplicate(tenant)
        }
    }
}
