import Foundation
import HTTPTypes
import KontorFlows
import KontorStore
import LexofficeKit
import LexofficeSandbox
import Testing

extension HubHarness {
    /// Delivers a lexoffice event for the sandbox's default organization to the hub's webhook receiver, signed with
    /// the sandbox's key, dated `at` (now by default) with a random millisecond, so it is not taken for a redelivery.
    func deliverEvent(_ type: String, resource: String, at moment: Date = Date()) async throws {
        let date = ISO8601DateFormatter().string(from: moment).replacingOccurrences(
            of: "Z",
            with: ".\(Int.random(in: 100...999))+00:00"
        )
        let body =
            #"{"organizationId":"\#(sandbox.defaultOrganizationID)","eventType":"\#(type)","resourceId":"\#(resource)","eventDate":"\#(date)"}"#
        let answer = try await send(
            .post,
            "/webhooks/lexoffice",
            json: body,
            token: "",
            headers: ["X-Lxo-Signature": try webhookSigner.signature(for: Data(body.utf8))]
        )
        #expect(answer.status == 202, "\(answer.body)")
    }

    /// Whether every received lexoffice event has been handled (its job done).
    func eventsHandled() async throws -> Bool {
        let queue = JobQueue(database: database)
        guard try await queue.stagedCount() == 0 else { return false }
        return try await queue.jobs().filter { $0.kind == WebhookInbox.jobKind }.allSatisfy { $0.state == .done }
    }
}
