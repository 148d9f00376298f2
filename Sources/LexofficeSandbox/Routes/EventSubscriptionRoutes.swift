import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import LexofficeKit
import NIOHTTP1

/// `/v1/event-subscriptions`: webhook subscriptions (delivery comes with the webhook part of the sandbox).
struct EventSubscriptionRoutes {
    let api: SandboxAPI

    func register<Context: RequestContext>(on routes: SandboxRouteTable<Context>) {
        routes.add(.post, "v1/event-subscriptions", shape: .regular) { call, _ in try await create(call) }
        routes.add(.get, "v1/event-subscriptions", shape: .regular) { call, _ in
            let subscriptions = try call.state.read(call.organizationID) { organization in
                organization.subscriptions.values.sorted { ($0.createdDate ?? call.now) < ($1.createdDate ?? call.now) }
            }
            return try SandboxResponses.json(EventSubscriptionList(content: subscriptions))
        }
        routes.add(.get, "v1/event-subscriptions/:id", shape: .regular) { call, context in
            let id = try call.pathID(context, what: "Event subscription")
            return try SandboxResponses.json(
                try call.state.read(call.organizationID) {
                    try $0.subscriptions[id].orThrow(.notFound("Event subscription"))
                }
            )
        }
        routes.add(.delete, "v1/event-subscriptions/:id", shape: .regular) { call, context in
            let id = try call.pathID(context, what: "Event subscription")
            try call.state.write(call.organizationID) { organization in
                guard organization.subscriptions.removeValue(forKey: id) != nil else {
                    throw SandboxProblem.notFound("Event subscription")
                }
                organization.subscriptionConnections[id] = nil
            }
            return SandboxResponses.noContent
        }
    }

    private func create(_ call: APICall) async throws -> Response {
        let body = try await call.jsonBody()
        var failures: [ValidationFailure] = []
        let eventType = body["eventType"]?.stringValue.map(EventType.init(rawValue:))
        if let eventType {
            if !eventType.isDocumented { failures.append(.invalid("eventType", "unbekannter Ereignistyp")) }
        } else {
            failures.append(.missing("eventType"))
        }
        let callbackURL = body["callbackUrl"]?.stringValue ?? ""
        if callbackURL.isEmpty {
            failures.append(.missing("callbackUrl"))
        } else if !Self.isAcceptedCallback(callbackURL) {
            failures.append(.invalid("callbackUrl", "muss eine HTTPS-URL sein"))
        }
        guard failures.isEmpty, let eventType else { throw SandboxProblem.validation(failures) }
        if api.configuration.checksCallbackURLs, await !Self.answersHEAD(callbackURL) {
            throw SandboxProblem.validation([.invalid("callbackUrl", "Die Callback-URL ist nicht erreichbar")])
        }
        let now = call.now
        let id = LexofficeID.random()
        try call.state.write(call.organizationID) { organization in
            let duplicate = organization.subscriptions.values.contains {
                $0.eventType == eventType && $0.callbackUrl == callbackURL
            }
            guard !duplicate else {
                throw SandboxProblem.conflict(
                    "An event subscription for this event type and callback URL exists already."
                )
            }
            organization.subscriptions[id] = EventSubscription(
                subscriptionId: id,
                eventType: eventType,
                callbackUrl: callbackURL,
                organizationId: organization.id,
                createdDate: now
            )
            organization.subscriptionConnections[id] = call.credentialConnectionID
        }
        let result = ActionResult(
            id: id,
            resourceUri: api.resourceURI("event-subscriptions", id),
            createdDate: now,
            updatedDate: now,
            version: 0
        )
        return try SandboxResponses.actionResult(result, created: true)
    }

    /// HTTPS URLs, plus plain HTTP to loopback so tests can receive webhooks locally.
    static func isAcceptedCallback(_ text: String) -> Bool {
        guard let url = URL(string: text), let host = url.host, !host.isEmpty else { return false }
        switch url.scheme?.lowercased() {
        case "https": return true
        case "http": return ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
        default: return false
        }
    }

    /// lexoffice's check of a new callback URL: a `HEAD` request that must be answered (any status) within 5 s.
    private static func answersHEAD(_ url: String) async -> Bool {
        var request = HTTPClientRequest(url: url)
        request.method = .HEAD
        return (try? await HTTPClient.shared.execute(request, timeout: .seconds(5))) != nil
    }
}
