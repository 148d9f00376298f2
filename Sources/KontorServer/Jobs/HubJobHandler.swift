import Foundation
import KontorCore
import KontorStore

/// Runs the hub's jobs by kind. Today it knows the received lexoffice events (recorded in the tenant's activity
/// log) and callbacks to the source; the transfer, sync and archive flows add their kinds with their issues (6 and
/// later). A job of an unknown kind is `dead` at once with that reason, never silently dropped.
package struct HubJobHandler: JobHandler {
    private let activity: ActivityLog
    private let callbacks: CallbackDelivery

    /// A handler writing events to `activity` and sending callbacks with `callbacks`.
    package init(activity: ActivityLog, callbacks: CallbackDelivery) {
        self.activity = activity
        self.callbacks = callbacks
    }

    /// The hub's handler on `database`: events into its activity log, callbacks signed with the tenants'
    /// secrets opened by `secrets`.
    package init(database: any StoreDatabase, secrets: SecretBox) {
        let tenants = TenantStore(database: database)
        self.init(
            activity: ActivityLog(database: database),
            callbacks: CallbackDelivery(tenants: tenants, secrets: CallbackSecrets(tenants: tenants, box: secrets))
        )
    }

    private struct Event: Decodable {
        var eventType: String
        var resourceId: String
    }

    package func handle(_ job: Job) async -> JobOutcome {
        switch job.kind {
        case WebhookInbox.jobKind:
            guard let event = try? JSONDecoder().decode(Event.self, from: Data(job.payload.utf8)) else {
                return .failed(reason: "the stored lexoffice event is not readable")
            }
            do {
                try await activity.append(
                    job.tenantID,
                    kind: "lexoffice.event",
                    message: "lexoffice reported \(event.eventType) for \(event.resourceId)",
                    details: job.payload
                )
                return .completed
            } catch {
                return .retry(reason: "the activity log is not writable: \(error)")
            }
        case CallbackOutbox.jobKind:
            return await callbacks.deliver(job)
        default:
            return .failed(reason: "no handler for job kind '\(job.kind)' in this version of Kontor")
        }
    }
}
