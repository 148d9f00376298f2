import Hummingbird
import KontorCore
import KontorFlows
import KontorServer
import KontorSinks
import KontorStore
import Logging

/// The hub's object graph over one open, migrated database: the flows get the store as their ports, the HTTP
/// routes get the flows. `kontor serve` and the hub's tests compose the hub through it, nothing else does.
struct HubComposition: Sendable {
    /// The hub's database.
    let database: any StoreDatabase
    /// Seals and opens stored credentials and callback secrets.
    let secrets: SecretBox
    /// What the routes and flows need to know about their surroundings.
    let server: HubServerConfiguration
    /// The hub's clock.
    var clock: any WallClock = SystemWallClock()
    /// Makes the archive's sinks from the tenants' settings.
    var archiveSinks: any ArchiveSinkFactory = ConfiguredArchiveSinks.shared
    /// How many matches of one voucherlist query make the archive's backfill split its window (lexoffice's 10,000;
    /// smaller only in tests).
    var archiveBackfillWindowLimit = ArchiveBackfill.defaultWindowLimit

    /// The connection flow: connections stored by the store, the tenant's queue paused and resumed, callbacks and
    /// activity recorded.
    var connector: LexofficeConnector {
        let queue = JobQueue(database: database, clock: clock)
        return LexofficeConnector(
            settings: server.lexoffice,
            connections: ConnectionStore(database: database, secrets: secrets, clock: clock),
            jobs: queue,
            callbacks: CallbackOutbox(queue: queue),
            activity: ActivityLog(database: database, clock: clock),
            clock: clock,
            tenantEvents: ArchiveStore(queue: queue, secrets: secrets)
        )
    }

    /// The HTTP router (API, webhook receiver, OAuth2, health, metrics).
    /// - Throws: when the webhook public key is not a valid PEM RSA key.
    func router(metrics: HubMetrics, intake: IntakeLoad, logger: Logger) throws -> Router<HubRequestContext> {
        try HubRouter(
            configuration: server,
            connector: connector,
            database: database,
            secrets: secrets,
            archiveSinks: archiveSinks,
            clock: clock,
            metrics: metrics,
            intake: intake,
            logger: logger
        )
        .build()
    }

    /// The job handler for workers on `queue` (a queue on this database).
    func jobHandler(
        queue: JobQueue,
        reconciliationDelay: Duration,
        reconciliationWindow: Duration
    ) -> HubJobHandler {
        HubJobHandler(
            queue: queue,
            secrets: secrets,
            server: server,
            archiveSinks: archiveSinks,
            reconciliationDelay: reconciliationDelay,
            reconciliationWindow: reconciliationWindow,
            archiveBackfillWindowLimit: archiveBackfillWindowLimit
        )
    }
}
