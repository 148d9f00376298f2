import Foundation
import HTTPTypes
import Hummingbird
import LexofficeKit
import NIOFoundationCompat

/// `/_sandbox/...`: what only a person in the lexoffice web app (or a test) can do. Not rate-limited.
struct AdminRoutes {
    let api: SandboxAPI
    let webhooks: WebhookDispatcher
    let defaultCompanyName: String
    let defaultAPIKey: String

    /// Body of `POST /_sandbox/organizations`.
    struct NewOrganization: Codable {
        var companyName: String?
        var apiKey: String?
    }

    /// Answer of `POST /_sandbox/organizations`.
    struct CreatedOrganization: Codable {
        var organizationId: LexofficeID
        var apiKey: String
    }

    /// Body of `POST /_sandbox/clock`.
    struct ClockChange: Codable {
        var now: LexofficeDateTime?
        var advanceSeconds: Double?
    }

    func register<Context: RequestContext>(on collection: RouteCollection<Context>) {
        collection.on("_sandbox/organizations", method: .post) { request, _ in
            try await createOrganization(request)
        }
        collection.on("_sandbox/requests", method: .get) { request, _ in
            var sequence = 0
            if let after = FormFields.query(of: request).values["after"] {
                guard let value = Int(after), value >= 0 else {
                    throw HTTPError(.badRequest, message: "after must be a journal sequence number (0 or more)")
                }
                sequence = value
            }
            return try SandboxResponses.json(api.state.journal(after: sequence))
        }
        collection.on("_sandbox/reset", method: .post) { _, _ in
            api.state.reset()
            _ = api.state.createOrganization(companyName: defaultCompanyName, apiKey: defaultAPIKey)
            return SandboxResponses.noContent
        }
        for path in ["_sandbox/public-key.pem", "webhookSignature/public/public_key.pub"] {
            collection.on(RouterPath(path), method: .get) { _, _ in
                SandboxResponses.bytes(Data(webhooks.signer.publicKeyPEM.utf8), contentType: "application/x-pem-file")
            }
        }
        collection.on("_sandbox/webhooks", method: .get) { _, _ in
            try SandboxResponses.json(webhooks.deliveryLog)
        }
        collection.on("_sandbox/clock", method: .post) { request, _ in
            let change = try await Self.decode(ClockChange.self, from: request)
            if let now = change.now { api.state.clock.set(to: now.date) }
            if let seconds = change.advanceSeconds { api.state.clock.advance(by: seconds) }
            return try SandboxResponses.json(["now": api.state.clock.timestamp])
        }
    }

    private func createOrganization(_ request: Request) async throws -> Response {
        let body = try await Self.decode(NewOrganization.self, from: request)
        let key = body.apiKey ?? Self.newAPIKey()
        guard api.state.organization(forKey: key) == nil else {
            return try SandboxResponses.json(["message": "API key already in use"], status: .conflict)
        }
        let id = api.state.createOrganization(companyName: body.companyName ?? "Sandbox GmbH", apiKey: key)
        return try SandboxResponses.json(CreatedOrganization(organizationId: id, apiKey: key), status: .created)
    }

    /// A random API key in lexoffice's style.
    static func newAPIKey() -> String {
        "sandbox-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    private static func decode<Body: Decodable>(_ type: Body.Type, from request: Request) async throws -> Body {
        let buffer = try await request.body.collect(upTo: 1024 * 1024)
        let data = Data(buffer: buffer)
        do {
            return try JSONDecoder().decode(type, from: data.isEmpty ? Data("{}".utf8) : data)
        } catch {
            throw HTTPError(.badRequest, message: "malformed admin request body")
        }
    }
}
