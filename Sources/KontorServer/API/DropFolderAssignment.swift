import KontorCore
import KontorFlows
import KontorStore

/// Checks a tenant's own drop folder before it is stored (API and console): the hub's ``DropFolderPolicy`` and the
/// other tenants' folders.
struct DropFolderAssignment: Sendable {
    let policy: DropFolderPolicy
    let folders: ForwardingStore

    /// `path` as it is stored (normalized).
    /// - Throws: ``DropFolderPolicy/Refusal`` when the folder cannot be the tenant's.
    func checked(_ path: String, for tenant: TenantID) async throws -> String {
        let others = try await folders.dropFolders().filter { $0.key != tenant }.map(\.value)
        return try policy.check(path, otherTenants: others).get()
    }
}
