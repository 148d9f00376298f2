import Foundation
import KontorCore
import KontorFlows
import SQLKit

/// Queues callbacks durably: each event becomes a `callback.send` job (deduplicated by its event id), committed
/// together with whatever caused it when the caller passes its transaction.
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
        let payload = try KontorJSON.text(of: event)
        _ = try await queue.enqueue(
            NewJob(tenantID: tenant, kind: Self.jobKind, payload: payload, dedupeKey: "callback:\(event.id)"),
            in: db
        )
        return event
    }
}
