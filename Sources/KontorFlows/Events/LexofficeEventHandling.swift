import Foundation
import KontorCore

/// A flow's reaction to lexoffice events received by webhook (``LexofficeEventJob`` hands each event to all).
package protocol LexofficeEventHandling: Sendable {
    /// Handles one event of `tenant` in a job running under `claim`; events of other kinds are ignored.
    /// `occurredAt` is the event's `eventDate` (lexoffice's clock), `nil` when it is not readable.
    func handle(
        _ eventType: String,
        resourceID: String,
        occurredAt: Date?,
        of tenant: TenantID,
        under claim: JobClaim
    ) async throws
}
