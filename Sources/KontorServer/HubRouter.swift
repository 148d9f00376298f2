import Hummingbird
import KontorCore
import KontorFlows
import KontorStore
import LexofficeKit
import Logging

/// Builds the hub's router: the API under `/api/v1` (bearer tokens), the lexoffice webhook receiver, health
/// checks, every error answered as problem+json; and the web console under `/ui` (pages, not problem+json).
package struct HubRouter {
    private let configuration: HubServerConfiguration
    private let connector: LexofficeConnector
    private let database: any StoreDatabase
    private let secrets: SecretBox
    private let archiveSinks: any ArchiveSinkFactory
    private let clock: any WallClock
    private let metrics: HubMetrics
    private let intake: IntakeLoad
    private let logger: Logger

    /// A router builder over an open, migrated `database`, connecting tenants to lexoffice with `connector`;
    /// `/metrics` shows `metrics`; webhook deliveries and invoice saves count themselves into `intake` while they
    /// run; archive sink settings are checked and DMS stamps run by `archiveSinks`.
    package init(
        configuration: HubServerConfiguration,
        connector: LexofficeConnector,
        database: any StoreDatabase,
        secrets: SecretBox,
        archiveSinks: any ArchiveSinkFactory,
        clock: any WallClock = SystemWallClock(),
        metrics: HubMetrics = HubMetrics(),
        intake: IntakeLoad = IntakeLoad(),
        logger: Logger
    ) {
        self.configuration = configuration
        self.connector = connector
        self.database = database
        self.secrets = secrets
        self.archiveSinks = archiveSinks
        self.clock = clock
        self.metrics = metrics
        self.intake = intake
        self.logger = logger
    }

    /// The router.
    /// - Throws: when the webhook public key is not a valid PEM RSA key, or the console's templates or texts do
    ///   not parse.
    package func build() throws -> Router<HubRequestContext> {
        let tenants = TenantStore(database: database, clock: clock)
        let activity = ActivityLog(database: database, clock: clock)
        let connections = ConnectionStore(database: database, secrets: secrets, clock: clock)
        let queue = JobQueue(database: database, clock: clock)
        let router = Router(context: HubRequestContext.self)
        router.middlewares.add(HTTPMetricsMiddleware(metrics: metrics))
        router.middlewares.add(ProblemMiddleware(publicBaseURL: configuration.publicBaseURL))
        let methods = MethodNotAllowedMiddleware<HubRequestContext>()
        router.middlewares.add(methods)
        let oauthStates = OAuthStateStore(database: database, clock: clock)
        HealthRoutes(migrator: Migrator(database: database, logger: logger)).register(on: router)
        MetricsRoutes(metrics: metrics, queue: queue, intake: intake).register(on: router)
        OpenAPIRoutes().register(on: router)
        LexofficeWebhookRoutes(
            verifier: try WebhookSignatureVerifier(publicKeyPEM: configuration.webhookPublicKeyPEM),
            connections: connections,
            inbox: WebhookInbox(queue: queue),
            connector: connector,
            intake: intake
        )
        .register(on: router)
        OAuthRoutes(configuration: configuration, oauthStates: oauthStates, connector: connector).register(on: router)
        let tokens = APITokenStore(database: database, clock: clock)
        let api = router.group("api/v1").add(middleware: BearerAuthentication(tokens: tokens))
        TenantRoutes(
            tenants: tenants,
            connections: connections,
            connector: connector,
            activity: activity,
            callbackSecrets: CallbackSecrets(tenants: tenants, box: secrets),
            forwarding: ForwardingStore(queue: queue),
            dropFolders: DropFolderAssignment(
                policy: configuration.dropFolderPolicy,
                folders: ForwardingStore(queue: queue)
            ),
            clock: clock
        )
        .register(on: api)
        ConnectionRoutes(
            tenants: tenants,
            connections: connections,
            connector: connector,
            oauthStates: oauthStates,
            configuration: configuration
        )
        .register(on: api)
        JobRoutes(queue: queue).register(on: api)
        InvoiceRoutes(
            tenants: tenants,
            invoices: SourceInvoiceStore(database: database, clock: clock),
            ledger: TransferLedger(queue: queue),
            appURL: configuration.lexofficeAppURL,
            intake: intake
        )
        .register(on: api)
        ExportRoutes(tenants: tenants, exports: ExportStore(queue: queue)).register(on: api)
        CustomerRoutes(tenants: tenants, customers: CustomerStore(database: database, clock: clock)).register(on: api)
        CustomerChangeRoutes(tenants: tenants, feed: CustomerFeedStore(queue: queue)).register(on: api)
        DocumentRoutes(tenants: tenants, documents: ForwardingStore(queue: queue)).register(on: api)
        ForwardingSwitchRoutes(hubSwitch: ForwardingSwitchStore(queue: queue)).register(on: api)
        APITokenRoutes(tokens: tokens).register(on: api)
        let archive = ArchiveStore(queue: queue, secrets: secrets)
        let archiveChange = ArchiveSettingsChange(
            archive: archive,
            sinks: archiveSinks,
            connections: connections,
            connector: connector,
            activity: activity,
            clock: clock
        )
        ArchiveRoutes(tenants: tenants, archive: archive, change: archiveChange).register(on: api)
        DMSStampRoutes(tenants: tenants, archive: archive, sinks: archiveSinks, activity: activity).register(on: router)
        try ConsoleRoutes(
            configuration: configuration,
            database: database,
            connector: connector,
            archiveChange: archiveChange,
            secrets: secrets,
            clock: clock
        )
        .register(on: router)
        methods.learn(router.routes)
        return router
    }
}
