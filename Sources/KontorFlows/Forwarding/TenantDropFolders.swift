import KontorCore

/// The drop folders tenants have of their own (their forwarding settings), a port the store implements; read at
/// every poll, so that a folder set or changed through the hub API is polled without a restart.
package protocol TenantDropFolders: Sendable {
    /// Each tenant's own drop folder (an absolute path), for the tenants that have one.
    func dropFolders() async throws -> [TenantID: String]
}
