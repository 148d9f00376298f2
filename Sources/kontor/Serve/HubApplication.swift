import Foundation
import Hummingbird
import KontorCore
import KontorFlows
import KontorServer
import KontorStore
import LexofficeKit
import LexofficeSandbox
import Logging
import Prometheus
import ServiceLifecycle
import Synchronization
import UnixSignals

/// The hub's composition root (`kontor serve`): opens and migrates the database, loads the master key, builds the
/// HTTP server (API, webhook receiver, health, the embedded sandbox under `/sandbox`), the job workers, and runs
/// them until SIGTERM/SIGINT. On the first start it creates a partner token (written to the ``AdminTokenFile`` in the
/// data folder, or with `printAdminToken` handed to `onReady` to print), and with the embedded sandbox a connected
/// demo tenant.
enum HubApplication {
    static func run(
        _ configuration: HubConfiguration,
        printAdminToken: Bool = false,
        logger: Logger,
        onReady: @escaping @Sendable (HubStartup) -> Void
    ) async throws {
        var configuration = configuration
        try DataFolder.create(configuration.dataDirectory)
        if configuration.port == 0 { configuration.port = try FreePort.pick(host: configuration.host) }
        let baseURL = configuration.publicURL ?? "http://\(configuration.host):\(configuration.port)"
        let masterKey = try MasterKey.load(
            environmentValue: configuration.masterKey,
            keyFile: configuration.dataDirectory + "/master.key"
        )
        let secrets = try SecretBox(masterKey: masterKey)
        let adminTokenFile =
            printAdminToken ? nil : AdminTokenFile.path(inDataDirectory: configuration.dataDirectory)
        let sandbox = try configuration.lexofficeURL == nil ? embeddedSandbox(configuration, logger: logger) : nil
        sandbox?.mount(at: baseURL + "/sandbox/v1")
        let webhookKey = try sandbox?.webhookPublicKeyPEM ?? webhookPublicKey(configuration)
        let serverConfiguration = HubServerConfiguration(
            publicBaseURL: baseURL,
            lexofficeBaseURL: configuration.lexofficeURL ?? baseURL + "/sandbox/v1",
            webhookPublicKeyPEM: webhookKey,
            subscribedEvents: HubServerConfiguration.requiredEvents
                + configuration.additionalEvents.filter { !HubServerConfiguration.requiredEvents.contains($0) },
            oauth: oauthApplication(configuration, baseURL: baseURL, embedded: sandbox != nil),
            oauthScopes: configuration.oauthScopes,
            lexofficeRequestsPerSecond: configuration.lexofficeRequestsPerSecond,
            callbacksAllowPrivate: configuration.callbacksAllowPrivate,
            dropFolderPolicy: configuration.dropFolderPolicy
        )
        try await withStoreDatabase(
            configuration.database,
            connections: configuration.databaseConnections,
            logger: logger
        ) { database in
            try await Migrator(database: database, logger: logger).migrate()
            let metrics = HubMetrics(registry: PrometheusCollectorRegistry())
            let intake = IntakeLoad()
            let composition = HubComposition(
                database: database,
                secrets: secrets,
                server: serverConfiguration
            )
            try await HubForwardingStart.run(configuration.forwarding, database: database, logger: logger)
            let router = try composition.router(metrics: metrics, intake: intake, logger: logger)
            if let sandbox { router.addRoutes(sandbox.routes(context: HubRequestContext.self), atPath: "/sandbox") }
            let listening = ListeningFlag()
            let application = Application(
                router: router,
                configuration: ApplicationConfiguration(
                    address: .hostname(configuration.host, port: configuration.port),
                    serverName: "Kontor"
                ),
                onServerRunning: { _ in listening.set() },
                logger: logger
            )
            var services: [any Service] = [application]
            // `workers.tenants = 0`: this process serves the API and webhooks only; others work the queue (and
            // admit the webhook events this one stages).
            if configuration.workerTenants > 0 {
                let queue = JobQueue(
                    database: database,
                    retryWindows: [
                        TransferJob.jobKind: configuration.transferRetryWindow,
                        CallbackOutbox.jobKind: configuration.callbackRetryWindow,
                        // A sink that is down (a DMS in maintenance, a full disk) is retried for days.
                        ArchiveRequest.jobKind: .seconds(7 * 24 * 3600),
                    ]
                )
                services.append(
                    JobWorkerPool(
                        queue: queue,
                        handler: composition.jobHandler(
                            queue: queue,
                            reconciliationDelay: configuration.reconciliationDelay,
                            reconciliationWindow: configuration.reconciliationWindow
                        )
                        .measured(by: metrics),
                        configuration: JobWorkerConfiguration(
                            maximumTenants: configuration.workerTenants,
                            leaseDuration: configuration.workerLease,
                            tenantsWhileIntakeBusy: configuration.workerTenantsWhileIntakeBusy
                        ),
                        yieldingTo: intake,
                        logger: logger
                    )
                )
            }
            if let sandbox { services.append(MountedSandboxService(sandbox: sandbox)) }
            // The hub-wide root's folders, and the tenants' own, which the hub API may set at any time.
            let documents = ForwardingStore(queue: JobQueue(database: database))
            services.append(
                DropFolderService(
                    folder: DropFolder(
                        root: configuration.forwarding.dropFolder.map { URL(fileURLWithPath: $0) },
                        inbox: documents,
                        tenantFolders: documents,
                        policy: configuration.dropFolderPolicy
                    ),
                    interval: configuration.forwarding.dropFolderInterval
                )
            )
            let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                // Every lexoffice call of the server and the workers is counted into `metrics`.
                tasks.addTask {
                    try await LexofficeExchangeObserver.$current.withValue(metrics.lexofficeObserver) {
                        try await group.run()
                    }
                }
                tasks.addTask {
                    let deadline = ContinuousClock.now.advanced(by: .seconds(60))
                    while !listening.isSet {
                        guard ContinuousClock.now < deadline else { return }
                        try await Task.sleep(for: .milliseconds(10))
                    }
                    var startup = HubStartup(
                        baseURL: baseURL,
                        sandboxBaseURL: sandbox.map { _ in baseURL + "/sandbox/v1" },
                        sandboxAPIKey: sandbox?.defaultAPIKey
                    )
                    do {
                        try await HubBootstrap(
                            composition: composition,
                            adminTokenFile: adminTokenFile,
                            logger: logger
                        )
                        .firstStart(sandboxAPIKey: sandbox?.defaultAPIKey, startup: &startup)
                    } catch {
                        logger.error("first-start setup failed", metadata: ["error": "\(error)"])
                    }
                    onReady(startup)
                }
                try await tasks.waitForAll()
            }
        }
    }

    /// The configured OAuth2 application; with the embedded sandbox its demo application `kontor-demo`.
    private static func oauthApplication(
        _ configuration: HubConfiguration,
        baseURL: String,
        embedded: Bool
    )
        -> OAuth2Configuration?
    {
        let redirect = baseURL + "/oauth/callback"
        if let id = configuration.oauthClientID, let secret = configuration.oauthClientSecret {
            guard embedded else {
                return OAuth2Configuration(clientID: id, clientSecret: Secret(secret), redirectURI: redirect)
            }
            return sandboxOAuth(clientID: id, secret: secret, baseURL: baseURL)
        }
        return embedded ? sandboxOAuth(clientID: "kontor-demo", secret: "kontor-demo-secret", baseURL: baseURL) : nil
    }

    private static func sandboxOAuth(clientID: String, secret: String, baseURL: String) -> OAuth2Configuration {
        OAuth2Configuration(
            clientID: clientID,
            clientSecret: Secret(secret),
            redirectURI: baseURL + "/oauth/callback",
            authorizationEndpoint: baseURL + "/sandbox/oauth2/authorize",
            tokenEndpoint: baseURL + "/sandbox/oauth2/token",
            revocationEndpoint: baseURL + "/sandbox/oauth2/revoke"
        )
    }

    private static func embeddedSandbox(_ configuration: HubConfiguration, logger: Logger) throws -> SandboxServer {
        try SandboxServer(
            configuration: SandboxConfiguration(
                rateLimit: configuration.sandboxRateLimit,
                stateFile: configuration.dataDirectory + "/sandbox-state.json"
            ),
            logger: logger
        )
    }

    private static func webhookPublicKey(_ configuration: HubConfiguration) throws -> String {
        guard let path = configuration.lexofficeWebhookKeyFile, let data = FileManager.default.contents(atPath: path)
        else {
            throw ConfigurationError(key: "lexoffice.webhook.key.file", detail: "cannot read the file")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Set once the HTTP server listens; read by the first-start task.
private final class ListeningFlag: Sendable {
    private let flag = Mutex(false)

    var isSet: Bool { flag.withLock { $0 } }

    func set() { flag.withLock { $0 = true } }
}
