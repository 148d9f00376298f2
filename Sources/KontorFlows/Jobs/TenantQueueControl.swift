import KontorCore

/// Pausing and resuming one tenant's queued work, a port the job queue implements.
package protocol TenantQueueControl: Sendable {
    /// Stops handing out the tenant's jobs (they stay queued); callbacks to the source still run.
    func pauseTenant(_ tenant: TenantID, reason: String) async throws

    /// Lets the tenant's jobs run again.
    func resumeTenant(_ tenant: TenantID) async throws
}
