import Foundation
import KontorCore
import LexofficeKit

/// Handles a lexoffice event received by webhook (staged and deduplicated by the receiver): records it in the
/// tenant's activity log (on the first attempt) and hands it to each flow that reacts to events: the number of a
/// transferred draft finalized in lexoffice is written back (``DraftFinalization``), customer changes go on the
/// change feed (``ContactEventIntake``).
package struct LexofficeEventJob: JobHandler {
    private let activity: any ActivityRecording
    private let handlers: [any LexofficeEventHandling]

    /// Events into `activity`, then to `handlers` in order.
    package init(activity: any ActivityRecording, handlers: [any LexofficeEventHandling]) {
        self.activity = activity
        self.handlers = handlers
    }

    /// The members of a stored event the job reads.
    private struct Event: Decodable {
        var eventType: String
        var resourceId: String
        var eventDate: String?
    }

    package func handle(_ job: Job) async -> JobOutcome {
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
            for handler in handlers {
                try await handler.handle(
                    event.eventType,
                    resourceID: event.resourceId,
                    occurredAt: event.eventDate.flatMap { try? LexofficeDateTime($0).date },
                    of: job.tenantID,
                    under: claim
                )
            }
            return .completed
        } catch {
            return .retry(reason: "the event could not be processed: \(error)")
        }
    }
}
