import KontorCore
import SQLKit

/// Takes verified lexoffice webhook events into the queue exactly once: the event's key and its job are committed
/// together, and an event seen before is dropped (lexoffice retries deliveries it thinks failed).
package struct WebhookInbox: Sendable {
    let queue: JobQueue

    /// An inbox feeding `queue`.
    package init(queue: JobQueue) {
        self.queue = queue
    }

    /// The job kind of a received lexoffice event.
    package static let jobKind = "lexoffice.event"

    /// Records the event with `key` (organization, event type, resource, event date) for `tenant` and enqueues
    /// `payload` (the event body) as a job.
    /// - Returns: `false` when the event was received before (nothing is enqueued).
    package func receive(key: String, tenant: TenantID, payload: String) async throws -> Bool {
        try await queue.database.groupedTransaction { db in
            let recorded = try await db.raw(
                """
                INSERT INTO webhook_events (event_key, tenant_id, received_at) \
                VALUES (\(bind: key), \(bind: tenant.rawValue), \(bind: queue.clock.nowMilliseconds)) \
                ON CONFLICT (event_key) DO NOTHING RETURNING event_key
                """
            ).first()
            guard recorded != nil else { return false }
            _ = try await queue.enqueue(
                NewJob(tenantID: tenant, kind: Self.jobKind, payload: payload, dedupeKey: "event:\(key)"),
                in: db
            )
            return true
        }
    }
}
