import Hummingbird
import KontorCore
import KontorStore

extension TenantStore {
    /// The tenant the request's `{tenant}` path parameter names, when the caller may see it.
    /// - Throws: ``HubProblem`` 404 for another tenant's token or a tenant that does not exist.
    func requestedTenant(_ context: HubRequestContext) async throws -> Tenant {
        let id = try context.authorizedTenant(try context.parameters.require("tenant"))
        guard let tenant = try await tenant(id) else {
            throw HubProblem.notFound("tenant '\(id)' does not exist")
        }
        return tenant
    }
}
