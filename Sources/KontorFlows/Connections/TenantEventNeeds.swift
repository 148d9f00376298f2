import KontorCore
import LexofficeKit

/// The lexoffice events one tenant needs subscribed beyond those the hub subscribes for every tenant (the archive's
/// document events while its archive is active), a port the ``LexofficeConnector`` asks when it (re)subscribes.
package protocol TenantEventNeeds: Sendable {
    /// The tenant's additional events.
    func events(for tenant: TenantID) async throws -> [EventType]
}
