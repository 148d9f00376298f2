import KontorCore

/// A flow's reaction to lexoffice events received by webhook (``LexofficeEventJob`` hands each event to all).
package protocol LexofficeEventHandling: Sendable {
    /// Handles one event of `tenant` in a job running under `claim`; events of other kinds are ignored.
    func handle(_ eventType: String, resourceID: String, of tenant: TenantID, under claim: JobClaim) async throws
}
