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

    /// Finds the tenant connected to `organizationID`, records the event with `key` (organization, event type,
    /// resource, event date) and enqueues `payload` (the event body) as the tenant's job, in one short write that
    /// shares its commit with concurrent ones.
    package func receive(organizationID: String, key: String, payload: String) async throws -> WebhookReceipt {
        try await queue.database.groupedTransaction { db in
            guard let tenant = try await ConnectionStore.tenant(forOrganization: organizationID, in: db) else {
                return .unknownOrganization
            }
            let recorded = try await db.raw(
                """
                INSERT INTO webhook_events (event_key, tenant_id, received_at) \
                VALUES (\(bind: key), \(bind: tenant.rawValue), \(bind: queue.clock.nowMilliseconds)) \
                ON CONFLICT (event_key) DO NOTHING RETURNING event_key
                """
            ).first()
            guard recorded != nil else { return .duplicate(tenant) }
            _ = try await queue.enqueue(
                NewJob(tenantID: tenant, kind: Self.jobKind, payload: payload, dedupeKey: "event:\(key)"),
                in: db
            )
            return .enqueued(tenant)
        }
    }
}
