import Foundation
import KontorCore
import KontorFlows
import SQLKit

/// Queues callbacks durably: each event becomes a `callback.send` job (deduplicated by its event id), committed
/// together with whatever caused it when the caller passes its transaction.
///
/// A tenant without a callback URL gets no job: callbacks go to the receiver configured when the event happens,
/// as with any webhook subscription (a source that polls reads the same facts from the API). Jobs for such tenants
/// would only hold up the tenant's job lane, e.g. 5,000 of them after a first customer sync.
package struct CallbackOutbox: Sendable {
    private let queue: JobQueue

    /// The job kind of a queued callback.
    package static let jobKind = CallbackEvent.jobKind

    /// An outbox on `queue`.
    package init(queue: JobQueue) {
        self.queue = queue
    }

    /// Queues `type` with `data` (JSON text) for `tenant`; returns the event.
    @discardableResult
    package func enqueue(_ type: String, data: String = "{}", for tenant: TenantID) async throws -> CallbackEvent {
        try await queue.database.groupedTransaction { db in try await enqueue(type, data: data, for: tenant, in: db) }
    }

    /// Queues inside the caller's transaction.
    @discardableResult
    package func enqueue(
        _ type: String,
        data: String,
        for tenant: TenantID,
        in db: any SQLDatabase
    ) async throws
        -> CallbackEvent
    {
        let event = CallbackEvent(
            id: UUID().uuidString.lowercased(),
            type: type,
            tenant: tenant.rawValue,
            createdAt: queue.clock.now,
            data: data
        )
        let receiver = try await db.raw("SELECT callback_url FROM tenants WHERE id = \(bind: tenant.rawValue)").first()
        guard let url = try receiver?.decode(column: "callback_url", as: String?.self), !url.isEmpty else {
            return event
        }
        let payload = try KontorJSON.text(of: event)
        _ = try await queue.enqueue(
            NewJob(tenantID: tenant, kind: Self.jobKind, payload: payload, dedupeKey: "callback:\(event.id)"),
            in: db
        )
        return event
    }
}
