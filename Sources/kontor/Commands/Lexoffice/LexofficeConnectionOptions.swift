import ArgumentParser
import Foundation
import LexofficeKit

/// Where and as whom `kontor lexoffice` commands connect.
///
/// The credentials come from `--tenant` (a tenant's connection in the hub's database), `--api-key`,
/// `--api-key-file` or `LEXOFFICE_API_KEY`, in that order.
struct LexofficeConnectionOptions: ParsableArguments {
    /// Where `--sandbox` connects: `kontor sandbox` with its default port.
    static let sandboxBaseURL = "http://127.0.0.1:\(SandboxCommand.defaultPort)/v1"

    @Option(help: "The lexoffice API root (default: \(LexofficeClientConfiguration.productionBaseURL)).")
    var baseURL: String?

    @Flag(help: "Connect to a local sandbox (kontor sandbox) at \(Self.sandboxBaseURL).")
    var sandbox = false

    @Option(help: "The API key. Other users can see it in the process list: prefer LEXOFFICE_API_KEY.")
    var apiKey: String?

    @Option(help: "A file holding the API key.")
    var apiKeyFile: String?

    @Option(help: "Use the lexoffice connection of this hub tenant (see --database and --data-dir).")
    var tenant: String?

    @Option(help: "With --tenant: the hub database (default: KONTOR_DATABASE_URL, else kontor-data/kontor.sqlite).")
    var database: String?

    @Option(help: "With --tenant: the hub's data folder holding master.key (unless KONTOR_MASTER_KEY is set).")
    var dataDir: String = "kontor-data"

    @Option(help: "Requests per second on this connection (lexoffice allows 2; 0 turns pacing off).")
    var rate: Double = 2

    @Option(help: "Retries after 429, 5xx or connection failures (default: up to 8 after 429, 3 otherwise).")
    var retries: Int?

    @Option(help: "Seconds one attempt may take, connecting included (lexoffice's gateway gives up after 30).")
    var timeout: Int = 35

    func validate() throws {
        guard !(sandbox && baseURL != nil) else { throw ValidationError("--sandbox and --base-url exclude each other") }
        guard [apiKey != nil, apiKeyFile != nil, tenant != nil].filter({ $0 }).count <= 1 else {
            throw ValidationError("--tenant, --api-key and --api-key-file exclude each other")
        }
        guard (retries ?? 0) >= 0 else { throw ValidationError("--retries must not be negative") }
        guard rate >= 0 else { throw ValidationError("--rate must not be negative") }
        guard timeout >= 1 else { throw ValidationError("--timeout must be at least 1 second") }
    }

    /// The API root the options point at.
    var resolvedBaseURL: String {
        if sandbox { return Self.sandboxBaseURL }
        return baseURL ?? LexofficeClientConfiguration.productionBaseURL
    }

    /// A client for these options.
    /// - Throws: ``CommandFailure`` (usage) when no API key is available.
    func makeClient() async throws -> LexofficeClient {
        var configuration = LexofficeClientConfiguration(
            baseURL: resolvedBaseURL,
            requestTimeout: .seconds(timeout),
            requestsPerSecond: rate
        )
        if let retries {
            configuration.retryPolicy = RetryPolicy(maxRateLimitRetries: retries, maxTransientRetries: retries)
        }
        let key: Secret
        if let tenant {
            key = try await TenantCredentials.bearer(of: tenant, database: database, dataDir: dataDir)
        } else {
            key = try resolvedAPIKey()
        }
        return LexofficeClient(configuration: configuration, credentials: StaticAPIKey(key))
    }

    private func resolvedAPIKey() throws -> Secret {
        if let apiKey, !apiKey.isEmpty { return Secret(apiKey) }
        if let apiKeyFile {
            guard let contents = FileManager.default.contents(atPath: apiKeyFile) else {
                throw CommandFailure("cannot read the API key file \(apiKeyFile)", status: .usage)
            }
            let key = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty else { throw CommandFailure("the API key file \(apiKeyFile) is empty", status: .usage) }
            return Secret(key)
        }
        guard let key = ProcessInfo.processInfo.environment["LEXOFFICE_API_KEY"], !key.isEmpty else {
            throw CommandFailure("set LEXOFFICE_API_KEY, or pass --api-key or --api-key-file", status: .usage)
        }
        return Secret(key)
    }
}
