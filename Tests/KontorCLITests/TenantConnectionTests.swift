import Foundation
import KontorCore
import KontorStore
import LexofficeKit
import LexofficeSandbox
import Logging
import Testing

/// `kontor lexoffice … --tenant T`: the credentials of a tenant's connection in the hub database.
@Suite("kontor lexoffice --tenant", .timeLimit(.minutes(1)))
struct TenantConnectionTests {
    @Test("a connected tenant's stored API key is used; missing tenants and master keys are usage errors")
    func tenantCredentials() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-tenant-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let databasePath = folder.appendingPathComponent("kontor.sqlite").path
        try await TestSandbox.run { sandbox in
            let key = try MasterKey.load(
                environmentValue: nil,
                keyFile: folder.appendingPathComponent("master.key").path
            )
            var logger = Logger(label: "kontor.cli.tests")
            logger.logLevel = .error
            try await withStoreDatabase(.sqlite(path: databasePath), logger: logger) { database in
                try await Migrator(database: database, logger: logger).migrate()
                _ = try await TenantStore(database: database).create(
                    Tenant(id: TenantID("acme"), name: "Acme", createdAt: Date(), updatedAt: Date())
                )
                try await ConnectionStore(database: database, secrets: try SecretBox(masterKey: key)).save(
                    LexofficeConnection(
                        tenantID: TenantID("acme"),
                        kind: .apiKey,
                        connectedAt: Date(),
                        updatedAt: Date()
                    ),
                    credentials: .apiKey(sandbox.defaultAPIKey)
                )
            }
            let hub = [
                "--database", databasePath, "--data-dir", folder.path, "--base-url", sandbox.baseURL, "--rate", "0",
            ]
            let profile = await CLIRun.kontor(["lexoffice", "profile", "--json", "--tenant", "acme"] + hub)
            #expect(profile.status == 0, "\(profile.errors)")
            #expect(try profile.json()["companyName"]?.stringValue == "Sandbox Fahrradwerkstatt GmbH")

            let unknown = await CLIRun.kontor(["lexoffice", "profile", "--tenant", "nobody"] + hub)
            #expect(unknown.status == 2)
            #expect(unknown.errors.contains("no lexoffice connection"))
            let noKey = await CLIRun.kontor([
                "lexoffice", "profile", "--tenant", "acme", "--database", databasePath, "--data-dir", "/nonexistent",
                "--base-url", sandbox.baseURL,
            ])
            #expect(noKey.status == 2)
            #expect(noKey.errors.contains("master key"))
            let both = await CLIRun.kontor(["lexoffice", "profile", "--tenant", "acme", "--api-key", "x"] + hub)
            #expect(both.status == 2)
        }
    }
}
