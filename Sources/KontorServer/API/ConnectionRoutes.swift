import Foundation
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore

/// `/api/v1/tenants/{tenant}/connection`: the tenant's lexoffice connection — status, connect with an API key,
/// start an OAuth2 connect (see ``OAuthRoutes`` for the browser part), check, disconnect.
struct ConnectionRoutes {
    let tenants: TenantStore
    let connections: ConnectionStore
    let connector: LexofficeConnector
    let oauthStates: OAuthStateStore
    let configuration: HubServerConfiguration

    private struct APIKeyRequest: Decodable {
        var apiKey: String
    }

    func register(on group: RouterGroup<HubRequestContext>) {
        group.get("tenants/:tenant/connection") { _, context in
            let id = try await existingTenant(context)
            let connection = try await connections.connection(of: id)
            return try JSONBody.response(connection.map(ConnectionRepresentation.init) ?? .notConnected)
        }
        group.put("tenants/:tenant/connection/api-key") { request, context in
            let id = try await existingTenant(context)
            let body = try await JSONBody.decode(APIKeyRequest.self, from: request, context: context)
            let key = body.apiKey.trimmingCharacters(in: .whitespacesAndNewlines)
            // A key travels in an HTTP header: visible ASCII only, or lexoffice could not even be asked.
            guard !key.isEmpty, key.count <= 200, key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) })
            else {
                throw HubProblem.invalid("#/apiKey", "must be a lexoffice API key (1–200 visible ASCII characters)")
            }
            let connection = try await connector.connect(id, apiKey: key)
            return try JSONBody.response(ConnectionRepresentation(connection))
        }
        group.post("tenants/:tenant/connection/oauth") { _, context in
            let id = try await existingTenant(context)
            guard configuration.oauth != nil else {
                throw HubProblem.conflict("this hub has no OAuth2 application configured; connect with an API key")
            }
            let ticket = try await oauthStates.createTicket(for: id)
            return try JSONBody.response(
                ["startUrl": configuration.publicBaseURL + "/oauth/start?ticket=" + ticket],
                status: .created
            )
        }
        group.post("tenants/:tenant/connection/check") { _, context in
            let id = try await existingTenant(context)
            return try JSONBody.response(ConnectionRepresentation(try await connector.check(id)))
        }
        group.delete("tenants/:tenant/connection") { _, context in
            let id = try await existingTenant(context)
            try await connector.disconnect(id)
            return Response(status: .noContent)
        }
    }

    private func existingTenant(_ context: HubRequestContext) async throws -> TenantID {
        let id = try context.authorizedTenant(try context.parameters.require("tenant"))
        guard try await tenants.tenant(id) != nil else { throw HubProblem.notFound("tenant '\(id)' does not exist") }
        return id
    }
}

/// A connection as the hub API shows it: never with credentials. A tenant without one is `notConnected`.
struct ConnectionRepresentation: Encodable {
    let kind: String?
    let status: String
    let statusReason: String?
    let organizationId: String?
    let companyName: String?
    let subscriptions: Int
    let connectedAt: Date?

    /// A tenant that has no lexoffice connection.
    static let notConnected = ConnectionRepresentation(status: "notConnected")

    private init(status: String) {
        kind = nil
        self.status = status
        statusReason = nil
        organizationId = nil
        companyName = nil
        subscriptions = 0
        connectedAt = nil
    }

    init(_ connection: LexofficeConnection) {
        kind = connection.kind.rawValue
        status = connection.status.rawValue
        statusReason = connection.statusReason
        organizationId = connection.organizationID
        companyName = connection.companyName
        subscriptions = connection.subscriptionIDs.count
        connectedAt = connection.connectedAt
    }
}
