import Hummingbird
import KontorStore
import Logging

/// `/healthz` (the process answers) and `/readyz` (the database answers and its schema is current).
struct HealthRoutes {
    let migrator: Migrator

    func register(on router: Router<HubRequestContext>) {
        router.get("healthz") { _, _ in
            try JSONBody.response(["status": "ok"])
        }
        router.get("readyz") { _, context in
            do {
                guard try await migrator.isUpToDate() else {
                    return try JSONBody.response(["status": "migrations pending"], status: .serviceUnavailable)
                }
                return try JSONBody.response(["status": "ready"])
            } catch {
                context.logger.warning("readiness check failed", metadata: ["error": "\(error)"])
                return try JSONBody.response(["status": "database unavailable"], status: .serviceUnavailable)
            }
        }
    }
}
