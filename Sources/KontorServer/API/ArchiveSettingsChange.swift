import Foundation
import KontorCore
import KontorFlows
import KontorStore

/// Saves a tenant's archive settings, as the hub API and the console change them alike: validated, logged in the
/// activity, and the archive's lexoffice events subscribed or dropped when the archive is switched on or off.
struct ArchiveSettingsChange {
    let archive: ArchiveStore
    let sinks: any ArchiveSinkFactory
    let connections: ConnectionStore
    let connector: LexofficeConnector
    let activity: ActivityLog
    let clock: any WallClock

    /// Validates `body` against the tenant's stored settings and saves it.
    /// - Parameter align: the stored settings as `body` matches its sinks to them (by default by position): a sink
    ///   sent without a secret keeps the secret of the stored sink it matches.
    /// - Throws: ``HubProblem`` 422 naming each invalid member.
    @discardableResult
    func save(
        _ body: ArchiveSettingsRequest,
        of tenant: TenantID,
        align: (ArchiveSettings?) -> ArchiveSettings? = { $0 }
    ) async throws -> ArchiveSettings {
        let previous = try await archive.settings(of: tenant)
        let settings = try body.validated(previous: align(previous), sinks: sinks, now: clock.now)
        try await archive.save(settings, of: tenant)
        try await activity.append(
            tenant,
            kind: "archive.settings",
            message: settings.isActive ? "archive settings saved (active)" : "archive settings saved (inactive)"
        )
        if settings.isActive != (previous?.isActive ?? false), try await connections.connection(of: tenant) != nil {
            // The archive's events are subscribed while it is active; a failure is in the activity log and the
            // next connection check repeats it.
            _ = try? await connector.check(tenant)
        }
        return settings
    }

    /// Makes a new secret key for the tenant's DMS stamp (the previous one stops working) and logs it.
    /// - Throws: ``StoreError`` `invalid-state` when the tenant's archive is not configured yet.
    func rotateStampSecret(of tenant: TenantID) async throws -> String {
        let secret = try await archive.rotateStampSecret(of: tenant)
        try await activity.append(
            tenant,
            kind: "archive.stamp-secret",
            message: "a new secret key for the DMS stamp was made; the previous one no longer works"
        )
        return secret
    }
}
