import Hummingbird
import KontorCore
import KontorStore

extension TenantStore {
    /// The tenant the request's `{tenant}` path parameter names, when the caller may see it.
    /// - Parameter recent: whether a tenant read up to ``TenantStore/recentLifetime`` ago will do (hot paths whose
    ///   store operation reads the tenant again for what must be exact).
    /// - Throws: ``HubProblem`` 404 for another tenant's token or a tenant that does not exist.
    func requestedTenant(_ context: HubRequestContext, recent: Bool = false) async throws -> Tenant {
        let id = try context.authorizedTenant(try context.parameters.require("tenant"))
        guard let tenant = try await recent ? recentTenant(id) : tenant(id) else {
            throw HubProblem.notFound("tenant '\(id)' does not exist")
        }
        return tenant
    }
}
