import Foundation
import HTTPTypes
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore
import LexofficeKit
import Logging
import NIOCore
import NIOFoundationCompat

/// `POST /webhooks/lexoffice`: verifies `X-Lxo-Signature` over the raw body, maps the organization to its tenant,
/// drops duplicates and enqueues the event; answers at once. Unsigned or forged → 401 and nothing is stored.
/// `token.revoked` marks the connection "reconnect needed" and pauses the tenant's jobs right away. Deliveries count
/// into `intake` while they run.
struct LexofficeWebhookRoutes {
    let verifier: WebhookSignatureVerifier
    let connections: ConnectionStore
    let inbox: WebhookInbox
    let connector: LexofficeConnector
    let intake: IntakeLoad

    /// The documented callback body.
    private struct Event: Decodable, PlainJSONReadable {
        var organizationId: String
        var eventType: String
        var resourceId: String
        var eventDate: String

        init(plainJSON value: PlainJSON) throws(PlainJSON.Unreadable) {
            let members = try PlainJSONMembers(value)
            organizationId = try members.required("organizationId")
            eventType = try members.required("eventType")
            resourceId = try members.required("resourceId")
            eventDate = try members.required("eventDate")
        }
    }

    func register(on router: Router<HubRequestContext>) {
        router.post("webhooks/lexoffice") { request, context in
            try await intake.track { try await receive(request, context: context) }
        }
    }

    private func receive(_ request: Request, context: HubRequestContext) async throws -> Response {
        let body = try await JSONBody.collect(request, upTo: 64 * 1024)
        do {
            try verifier.verify(body: body.readableBytesView, signature: request.headers[.lxoSignature])
        } catch {
            context.logger.warning("rejected a webhook with a missing or invalid signature")
            throw HubProblem(
                status: .unauthorized,
                code: "invalid-signature",
                title: "Invalid signature",
                detail: "The X-Lxo-Signature header is missing or does not match the body."
            )
        }
        guard let event = try? body.withUnsafeReadableBytes({ try Event.decodeJSON($0) }) else {
            throw HubProblem.malformedJSON("The body is not a lexoffice event.")
        }
        if event.eventType == "token.revoked" {
            if let tenant = try await connections.tenant(forOrganization: event.organizationId) {
                try await connector.markReconnectNeeded(
                    tenant,
                    reason: "lexoffice revoked the access (token.revoked)"
                )
            }
            return Response(status: .accepted)
        }
        let key = [event.organizationId, event.eventType, event.resourceId, event.eventDate].joined(separator: "/")
        let receipt = try await inbox.receive(
            organizationID: event.organizationId,
            key: key,
            payload: String(buffer: body)
        )
        if receipt == .unknownOrganization {
            context.logger.info("webhook for an organization no tenant is connected to")
        }
        return Response(status: .accepted)
    }
}

extension HTTPField.Name {
    /// lexoffice's webhook signature header.
    static let lxoSignature = HTTPField.Name("X-Lxo-Signature")!  // a valid, constant header name
}
