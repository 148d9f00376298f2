import KontorCore
import KontorFlows
import LexofficeKit

extension ArchiveStore: TenantEventNeeds {
    /// The document events of the archived types while the tenant's archive is active, none otherwise.
    package func events(for tenant: TenantID) async throws -> [EventType] {
        guard let settings = try await settings(of: tenant), settings.isActive else { return [] }
        return ArchiveEventIntake.events(for: settings.documentTypes)
    }
}
