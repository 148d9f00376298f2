import Foundation
import KontorCore
import KontorFlows
import KontorStore

/// Runs the hub's jobs by kind: received lexoffice events (recorded in the tenant's activity log; a transferred
/// draft finalized in lexoffice gets its number written back), callbacks to the source, and invoice transfers.
/// The sync and archive flows add their kinds with their issues. A job of an unknown kind is `dead` at once with
/// that reason, never silently dropped.
package struct HubJobHandler: JobHandler {
    private let activity: ActivityLog
    private let callbacks: CallbackDelivery
    private let transfer: InvoiceTransfer
    private let finalizations: DraftFinalization

    /// The hub's handler on `queue`'s database: events into its activity log, callbacks signed with the tenants'
    /// secrets opened by `secrets`, transfers to lexoffice at `server.lexofficeBaseURL`.
    /// - Parameters: `reconciliationDelay`, `reconciliationWindow`: see
    ///   ``InvoiceTransfer/init(records:tenants:connections:reconciliationDelay:reconciliationWindow:)``.
    package init(
        queue: JobQueue,
        secrets: SecretBox,
        server: HubServerConfiguration,
        reconciliationDelay: Duration = .seconds(10),
        reconciliationWindow: Duration = .seconds(60)
    ) {
        let database = queue.database
        let tenants = TenantStore(database: database)
        let clients = TenantLexofficeClients(
            configuration: server,
            connections: ConnectionStore(database: database, secrets: secrets)
        )
        activity = ActivityLog(database: database)
        callbacks = CallbackDelivery(tenants: tenants, secrets: CallbackSecrets(tenants: tenants, box: secrets))
        let records = TransferLedger(queue: queue)
        transfer = InvoiceTransfer(
            records: records,
            tenants: tenants,
            connections: clients,
            reconciliationDelay: reconciliationDelay,
            reconciliationWindow: reconciliationWindow
        )
        finalizations = DraftFinalization(records: records, connections: clients)
    }

    private struct Event: Decodable {
        var eventType: String
        var resourceId: String
    }

    package func handle(_ job: Job) async -> JobOutcome {
        switch job.kind {
        case WebhookInbox.jobKind:
            return await record(job)
        case CallbackOutbox.jobKind:
            return await callbacks.deliver(job)
        case TransferJob.jobKind:
            return await transfer.handle(job)
        default:
            return .failed(reason: "no handler for job kind '\(job.kind)' in this version of Kontor")
        }
    }

    /// Records a lexoffice event in the activity log and writes back the number of a finalized draft.
    private func record(_ job: Job) async -> JobOutcome {
        guard let event = try? KontorJSON.decoder().decode(Event.self, from: Data(job.payload.utf8)) else {
            return .failed(reason: "the stored lexoffice event is not readable")
        }
        guard let claim = job.claim else {
            return .retry(reason: "the job was handed over without its tenant lease")
        }
        do {
            if job.attempts <= 1 {
                try await activity.append(
                    job.tenantID,
                    kind: "lexoffice.event",
                    message: "lexoffice reported \(event.eventType) for \(event.resourceId)",
                    details: job.payload
                )
            }
            try await finalizations.handle(
                event.eventType,
                resourceID: event.resourceId,
                of: job.tenantID,
                under: claim
            )
            return .completed
        } catch {
            return .retry(reason: "the event could not be processed: \(error)")
        }
    }
}
