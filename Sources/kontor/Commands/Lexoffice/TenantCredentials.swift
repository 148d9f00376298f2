import Foundation
import KontorCore
import KontorStore
import LexofficeKit

/// Reads a hub tenant's lexoffice credentials for `kontor lexoffice --tenant`: opens the hub database and the
/// sealed credentials with the master key (`KONTOR_MASTER_KEY` or `<data dir>/master.key`, never created here).
///
/// An OAuth2 connection lends its current access token; the CLI does not renew it (that needs the hub's OAuth2
/// application): when it has expired, lexoffice answers 401 and `kontor serve` renews it on its next use.
enum TenantCredentials {
    static func bearer(of tenant: String, database: String?, dataDir: String) async throws -> Secret {
        let environment = ProcessInfo.processInfo.environment
        let keyFile = dataDir + "/master.key"
        let masterKey: Data
        do {
            if environment["KONTOR_MASTER_KEY"] == nil, !FileManager.default.fileExists(atPath: keyFile) {
                throw CommandFailure(
                    "no master key: set KONTOR_MASTER_KEY or point --data-dir at the hub's data folder",
                    status: .usage
                )
            }
            masterKey = try MasterKey.load(environmentValue: environment["KONTOR_MASTER_KEY"], keyFile: keyFile)
        } catch let error as StoreError {
            throw CommandFailure(error.detail, status: .usage)
        }
        let secrets = try SecretBox(masterKey: masterKey)
        let location = try StoreOptions.location(database)
        let credentials: ConnectionCredentials = try await StoreOptions.withMigratedDatabase(at: location) { database in
            do {
                guard
                    let credentials = try await ConnectionStore(database: database, secrets: secrets)
                        .credentials(of: TenantID(tenant))
                else {
                    throw CommandFailure(
                        "tenant '\(tenant)' has no lexoffice connection in the hub database",
                        status: .usage
                    )
                }
                return credentials
            } catch let error as StoreError {
                throw CommandFailure(error.detail, status: .failure)
            }
        }
        switch credentials {
        case .apiKey(let key): return Secret(key)
        case .oauth2(let access, _): return Secret(access)
        }
    }
}
