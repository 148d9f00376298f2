import KontorCore

/// Queuing a signed callback to the tenant's source application durably, a port the store's outbox implements.
package protocol CallbackQueueing: Sendable {
    /// Queues the event `type` with `data` (a JSON object as text) for `tenant`; returns the event.
    @discardableResult
    func enqueue(_ type: String, data: String, for tenant: TenantID) async throws -> CallbackEvent
}
