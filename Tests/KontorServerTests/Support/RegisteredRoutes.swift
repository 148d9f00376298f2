import Foundation
import HTTPTypes
import Hummingbird
import KontorServer
import KontorStore
import LexofficeKit

@testable import kontor

/// The routes the hub's router registers, as `METHOD /path` with `{parameter}` placeholders.
enum RegisteredRoutes {
    static func all() async throws -> Set<String> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-routes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let location = DatabaseLocation.sqlite(path: folder.appendingPathComponent("hub.sqlite").path)
        return try await withStoreDatabase(location, logger: HubHarness.logger) { database in
            let router = try HubComposition(
                database: database,
                secrets: try SecretBox(masterKey: Data(repeating: 1, count: 32)),
                server: HubServerConfiguration(
                    publicBaseURL: "http://127.0.0.1:9/hub",
                    lexofficeBaseURL: "http://127.0.0.1:9/v1",
                    webhookPublicKeyPEM: try HubHarness.signer.get().publicKeyPEM
                )
            )
            .router(metrics: HubMetrics(), intake: IntakeLoad(), logger: HubHarness.logger)
            return Set(router.routes.map { "\($0.method.rawValue) \($0.path.description)" })
        }
    }
}
