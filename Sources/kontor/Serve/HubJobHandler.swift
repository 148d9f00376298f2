import Foundation
import KontorCore
import KontorFlows
import KontorServer
import KontorStore

/// The hub's job handler, part of the composition root: wiring only. Each job kind goes to its flow's handler (``JobDispatcher``): received
/// lexoffice events (``LexofficeEventJob``), callbacks to the source (``CallbackDelivery``), invoice transfers
/// (``InvoiceTransfer``), customer syncs (``CustomerSync``), the archive (``DocumentArchiving``,
/// ``ArchiveBackfill``) and forwarded documents (``DocumentForwarding``); the flows get the store, the sinks and the
/// tenants' lexoffice connections as their ports.
struct HubJobHandler: JobHandler {
    private let dispatcher: JobDispatcher

    /// The hub's handler on `queue`'s database: events into its activity log, callbacks signed with the tenants'
    /// secrets opened by `secrets`, transfers to lexoffice at `server.lexofficeBaseURL`, archived documents to the
    /// sinks `archiveSinks` makes.
    /// - Parameters: `reconciliationDelay`, `reconciliationWindow`: see
    ///   ``InvoiceTransfer/init(records:tenants:connections:reconciliationDelay:reconciliationWindow:)``;
    ///   `archiveBackfillWindowLimit`: see ``ArchiveBackfill/init(records:connections:windowLimit:pageSize:)``.
    init(
        queue: JobQueue,
        secrets: SecretBox,
        server: HubServerConfiguration,
        archiveSinks: any ArchiveSinkFactory,
        reconciliationDelay: Duration = .seconds(10),
        reconciliationWindow: Duration = .seconds(60),
        archiveBackfillWindowLimit: Int = ArchiveBackfill.defaultWindowLimit
    ) {
        let database = queue.database
        let tenants = TenantStore(database: database)
        let connections = TenantLexofficeClients(
            settings: server.lexoffice,
            connections: ConnectionStore(database: database, secrets: secrets)
        )
        let records = TransferLedger(queue: queue)
        let archive = ArchiveStore(queue: queue, secrets: secrets)
        let activity = ActivityLog(database: database)
        dispatcher = JobDispatcher([
            WebhookInbox.jobKind: LexofficeEventJob(
                activity: activity,
                handlers: [
                    DraftFinalization(records: records, connections: connections),
                    ContactEventIntake(
                        feed: CustomerFeedStore(queue: queue),
                        tenants: tenants,
                        connections: connections
                    ),
                    ArchiveEventIntake(records: archive),
                ]
            ),
            CallbackOutbox.jobKind: CallbackDelivery(
                targets: CallbackSecrets(tenants: tenants, box: secrets),
                addressPolicy: CallbackAddressPolicy(allowsPrivateNetworks: server.callbacksAllowPrivate)
            ),
            TransferJob.jobKind: InvoiceTransfer(
                records: records,
                tenants: tenants,
                connections: connections,
                reconciliationDelay: reconciliationDelay,
                reconciliationWindow: reconciliationWindow
            ),
            FirstCustomerSync.jobKind: FirstCustomerSync(
                feed: CustomerFeedStore(queue: queue),
                tenants: tenants,
                connections: connections
            ),
            CustomerSyncJob.jobKind: CustomerSync(
                records: CustomerLedger(queue: queue),
                tenants: tenants,
                connections: connections,
                reconciliationDelay: reconciliationDelay,
                reconciliationWindow: reconciliationWindow
            ),
            ArchiveRequest.jobKind: DocumentArchiving(
                records: archive,
                connections: connections,
                sinks: archiveSinks,
                activity: activity,
                appURL: server.lexofficeAppURL
            ),
            ArchiveBackfill.jobKind: ArchiveBackfill(
                records: archive,
                connections: connections,
                windowLimit: archiveBackfillWindowLimit
            ),
            ForwardingJob.jobKind: DocumentForwarding(
                records: ForwardingLedger(queue: queue),
                tenants: tenants,
                connections: connections,
                hubSwitch: ForwardingSwitchStore(queue: queue),
                reconciliationDelay: reconciliationDelay,
                reconciliationWindow: reconciliationWindow
            ),
        ])
    }

    func handle(_ job: Job) async -> JobOutcome {
        await dispatcher.handle(job)
    }
}
