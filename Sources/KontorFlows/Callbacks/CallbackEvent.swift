import Foundation

/// A callback to a tenant's source application, as queued: a stable event id (the receiver deduplicates on it),
/// the event type, when it happened and its data (JSON).
package struct CallbackEvent: Sendable, Codable, Equatable {
    /// The job kind of a queued callback.
    package static let jobKind = "callback.send"

    /// Stable across retries.
    package var id: String
    /// Dotted, e.g. `invoice.transferred`, `connection.reconnect-needed`.
    package var type: String
    /// The tenant.
    package var tenant: String
    /// When the event happened.
    package var createdAt: Date
    /// The event's data as JSON text.
    package var data: String

    /// An event.
    package init(id: String, type: String, tenant: String, createdAt: Date, data: String) {
        self.id = id
        self.type = type
        self.tenant = tenant
        self.createdAt = createdAt
        self.data = data
    }
}
