import Foundation
import KontorCore
import KontorFlows
import KontorStore
import Logging

/// What `kontor serve` sets up on a fresh database: a partner token (shown once), and with the embedded sandbox a
/// demo tenant, active and connected to the sandbox's default organization, so the hub works out of the box.
struct HubBootstrap {
    let composition: HubComposition
    let logger: Logger

    private var database: any StoreDatabase { composition.database }

    /// The demo tenant's id.
    static let demoTenant = TenantID("demo")

    func firstStart(sandboxAPIKey: String?, startup: inout HubStartup) async throws {
        let tokens = APITokenStore(database: database)
        if try await !tokens.list().contains(where: { $0.scope == .partner && $0.revokedAt == nil }) {
            startup.newAdminToken = try await tokens.create(scope: .partner, name: "admin (first start)").token
            logger.info("created the first partner token")
        }
        let tenants = TenantStore(database: database)
        guard let sandboxAPIKey, try await tenants.list(limit: 1).isEmpty else { return }
        let now = Date()
        _ = try await tenants.create(
            Tenant(
                id: Self.demoTenant,
                name: "Demo Fahrradwerkstatt",
                isActive: true,
                activeSince: now,
                createdAt: now,
                updatedAt: now
            )
        )
        _ = try await composition.connector
            .connect(Self.demoTenant, apiKey: sandboxAPIKey)
        startup.newDemoTenant = Self.demoTenant.rawValue
        logger.info("created the demo tenant connected to the embedded sandbox")
    }
}
