import Foundation
import KontorCore
import KontorFlows
import KontorStore
import Logging

/// What `kontor serve` sets up on a fresh database: a partner token (written to a 0600 file, or printed once), the
/// console's first partner user `admin` with a one-time sign-in link, and with the embedded sandbox a demo tenant,
/// active and connected to the sandbox's default organization, so the hub works out of the box.
struct HubBootstrap {
    let composition: HubComposition
    /// Where the first partner token goes: the ``AdminTokenFile`` at this path, or, when `nil`, the console.
    let adminTokenFile: String?
    let logger: Logger

    private var database: any StoreDatabase { composition.database }

    /// The demo tenant's id.
    static let demoTenant = TenantID("demo")

    func firstStart(sandboxAPIKey: String?, startup: inout HubStartup) async throws {
        let tokens = APITokenStore(database: database)
        if try await !tokens.list().contains(where: { $0.scope == .partner && $0.revokedAt == nil }) {
            let (token, record) = try await tokens.create(scope: .partner, name: "admin (first start)")
            if let adminTokenFile {
                do {
                    try AdminTokenFile.save(token, to: adminTokenFile)
                } catch {
                    // Nobody could use it: revoked, so that the next start creates one again.
                    try await tokens.revoke(record.id)
                    throw error
                }
                startup.newAdminTokenFile = adminTokenFile
            } else {
                startup.newAdminToken = token
            }
            logger.info("created the first partner token", metadata: ["token.id": "\(record.id)"])
        }
        if let link = try await ConsoleSignInLink.firstUser(in: database, baseURL: startup.baseURL) {
            startup.newSignInLink = link
            logger.info("created the console's first partner user 'admin'")
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
