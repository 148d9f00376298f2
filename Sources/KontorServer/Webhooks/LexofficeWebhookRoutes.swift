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
/// `token.revoked` marks the connection "reconnect needed" and pauses the tenant's jobs right away, unless it is dated
/// before the connection was made. Verified deliveries count into `intake` (per organization) while they run.
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
            try await receive(request, context: context)
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
        return try await intake.track(for: "lexoffice:" + event.organizationId) {
            try await receive(event, body: body, context: context)
        }
    }

    /// Acts on a verified event: a revocation at once, anything else enqueued.
    private func receive(_ event: Event, body: ByteBuffer, context: HubRequestContext) async throws -> Response {
        if event.eventType == "token.revoked" {
            if let tenant = try await connections.tenant(forOrganization: event.organizationId) {
                if try await revokesCurrentConnection(event, of: tenant) {
                    try await connector.markReconnectNeeded(
                        tenant,
                        reason: "lexoffice revoked the access (token.revoked)"
                    )
                } else {
                    context.logger.info("ignored a token.revoked dated before the tenant's connection")
                }
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

    /// Whether a `token.revoked` event concerns the tenant's current connection: one dated before the connection
    /// was made (a replay, or a late delivery about an earlier grant) does not. An unreadable date counts as current.
    private func revokesCurrentConnection(_ event: Event, of tenant: TenantID) async throws -> Bool {
        guard let connection = try await connections.connection(of: tenant) else { return false }
        guard let revokedAt = try? LexofficeDateTime(event.eventDate) else { return true }
        return revokedAt.date >= connection.connectedAt
    }
}

extension HTTPField.Name {
    /// lexoffice's webhook signature header.
    static let lxoSignature = HTTPField.Name("X-Lxo-Signature")!  // a valid, constant header name
}
