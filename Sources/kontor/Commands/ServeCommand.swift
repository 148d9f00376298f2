import ArgumentParser
import Configuration
import Foundation
import KontorServer
import Logging

/// `kontor serve`: the hub. Embedded defaults: SQLite in `kontor-data/`, the lexoffice sandbox under `/sandbox/v1`,
/// a demo tenant connected to it, and on the first start a partner token in `<data.dir>/admin-token` (mode 0600; with
/// `--print-admin-token` printed once instead).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the hub: API, webhook receiver, job workers (and the embedded lexoffice sandbox).",
        discussion: """
            Settings come from these flags, then KONTOR_* environment variables (e.g. KONTOR_HTTP_PORT, \
            KONTOR_DATABASE_URL, KONTOR_PUBLIC_URL, KONTOR_LEXOFFICE_URL, KONTOR_MASTER_KEY), then the JSON file \
            (--config), then defaults. Stops gracefully on SIGTERM or Ctrl-C.
            """
    )

    @Option(help: "The address to listen on (default 127.0.0.1).") var host: String?
    @Option(help: "The port (default 8080; 0 picks a free one).") var port: Int?
    @Option(help: "A postgres:// URL or an SQLite file (default kontor-data/kontor.sqlite).") var database: String?
    @Option(help: "The URL lexoffice and source applications reach the hub at.") var publicURL: String?
    @Option(help: "The lexoffice API root, e.g. https://api.lexware.io/v1 (default: the embedded sandbox).")
    var lexofficeURL: String?
    @Option(help: "The folder for data files (default kontor-data).") var dataDir: String?
    @Option(help: "A JSON configuration file.") var config: String = "kontor.json"
    @Flag(help: "Print the first admin token instead of writing it to <data dir>/admin-token (mode 0600).")
    var printAdminToken = false

    func run() async throws {
        AllocatorTuning.apply(environment: ProcessInfo.processInfo.environment)
        var flags: [AbsoluteConfigKey: ConfigValue] = [:]
        if let host { flags["http.host"] = ConfigValue(.string(host), isSecret: false) }
        if let port { flags["http.port"] = ConfigValue(.int(port), isSecret: false) }
        if let database { flags["database.url"] = ConfigValue(.string(database), isSecret: false) }
        if let publicURL { flags["public.url"] = ConfigValue(.string(publicURL), isSecret: false) }
        if let lexofficeURL { flags["lexoffice.url"] = ConfigValue(.string(lexofficeURL), isSecret: false) }
        if let dataDir { flags["data.dir"] = ConfigValue(.string(dataDir), isSecret: false) }
        let configuration: HubConfiguration
        do {
            let reader = ConfigReader(providers: [
                InMemoryProvider(name: "flags", values: flags),
                EnvironmentVariablesProvider().prefixKeys(with: "kontor"),
                try await FileProvider<JSONSnapshot>(
                    config: ConfigReader(
                        provider: InMemoryProvider(values: [
                            "filePath": ConfigValue(.string(config), isSecret: false),
                            "allowMissing": ConfigValue(.bool(true), isSecret: false),
                        ])
                    )
                ),
            ])
            configuration = try HubConfiguration(config: reader)
        } catch let error as ConfigurationError {
            throw CommandFailure(error.description, status: .usage)
        }
        var logger = Logger(label: "kontor")
        logger.logLevel = .info
        let console = Console.current
        try await HubApplication.run(configuration, printAdminToken: printAdminToken, logger: logger) { startup in
            console.line("Kontor hub listening on \(startup.baseURL)  (API: \(startup.baseURL)/api/v1)")
            console.line("Web console: \(startup.baseURL)/ui/")
            if let link = startup.newSignInLink {
                console.line(
                    "Sign in to the console once with this link (valid 24 h; later 'kontor admin sign-in-link'): \(link)"
                )
            }
            if let sandbox = startup.sandboxBaseURL, let key = startup.sandboxAPIKey {
                console.line("Embedded lexoffice sandbox: \(sandbox)  API key: \(key)")
            }
            if let tenant = startup.newDemoTenant {
                console.line("Demo tenant '\(tenant)' created and connected to the sandbox.")
            }
            if let file = startup.newAdminTokenFile {
                console.line("Admin token written to a file only you can read (mode 0600): \(file)")
            }
            if let token = startup.newAdminToken {
                console.line("Admin token (shown only now; store it safely): \(token)")
            }
        }
    }
}
