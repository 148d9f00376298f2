import Foundation
import KontorCore
import KontorStore
import LexofficeKit

/// Connects a tenant to lexoffice with an API key: checks the key with `GET /v1/profile`, registers the hub's event
/// subscriptions, and stores the connection with the key sealed; disconnecting removes the subscriptions again.
package struct APIKeyConnector: Sendable {
    private let configuration: HubServerConfiguration
    private let connections: ConnectionStore
    private let activity: ActivityLog
    private let clock: any WallClock

    /// A connector for lexoffice at `configuration.lexofficeBaseURL`.
    package init(
        configuration: HubServerConfiguration,
        connections: ConnectionStore,
        activity: ActivityLog,
        clock: any WallClock
    ) {
        self.configuration = configuration
        self.connections = connections
        self.activity = activity
        self.clock = clock
    }

    /// Checks `apiKey`, registers the event subscriptions and stores the connection.
    /// - Throws: ``HubProblem`` 422 (`#/apiKey`) for a key lexoffice rejects, 409 when the organization is
    ///   connected to another tenant, 502 when lexoffice fails.
    package func connect(_ tenant: TenantID, apiKey: String) async throws -> LexofficeConnection {
        let client = client(apiKey: apiKey)
        let profile: Profile
        do {
            profile = try await client.profile()
        } catch let error as LexofficeError where [.unauthorized, .forbidden].contains(error.code) {
            throw HubProblem.invalid("#/apiKey", "lexoffice rejected the API key")
        } catch let error as LexofficeError {
            throw HubProblem.lexoffice("checking the API key failed: \(error.code)")
        }
        if let owner = try await connections.tenant(forOrganization: profile.organizationId.description),
            owner != tenant
        {
            throw HubProblem.conflict("this lexoffice organization is already connected to another tenant")
        }
        let subscriptions = try await subscribe(client, tenant: tenant)
        let connection = LexofficeConnection(
            tenantID: tenant,
            kind: .apiKey,
            organizationID: profile.organizationId.description,
            companyName: profile.companyName,
            subscriptionIDs: subscriptions,
            connectedAt: clock.now,
            updatedAt: clock.now
        )
        try await connections.save(connection, credentials: .apiKey(apiKey))
        try await activity.append(
            tenant,
            kind: "connection.connected",
            message: "connected to lexoffice (\(profile.companyName ?? "unnamed company")) with an API key"
        )
        return connection
    }

    /// Removes the event subscriptions (failures are recorded in the activity log) and the stored connection.
    /// - Throws: ``HubProblem`` 404 when the tenant has no connection.
    package func disconnect(_ tenant: TenantID) async throws {
        guard let connection = try await connections.connection(of: tenant) else {
            throw HubProblem.notFound("tenant '\(tenant)' has no lexoffice connection")
        }
        if case .apiKey(let key) = try await connections.credentials(of: tenant) {
            let client = client(apiKey: key)
            for id in connection.subscriptionIDs {
                do {
                    try await client.eventSubscriptions.delete(try LexofficeID(id))
                } catch {
                    try await activity.append(
                        tenant,
                        kind: "connection.warning",
                        message: "event subscription \(id) could not be removed: \(error)"
                    )
                }
            }
        }
        try await connections.delete(tenant)
        try await activity.append(tenant, kind: "connection.disconnected", message: "disconnected from lexoffice")
    }

    /// Registers the configured events for the hub's webhook URL; reuses subscriptions that already point there.
    private func subscribe(_ client: LexofficeClient, tenant: TenantID) async throws -> [String] {
        do {
            let existing = try await client.eventSubscriptions.list()
            var ids: [String] = []
            for event in configuration.subscribedEvents {
                if let same = existing.first(where: {
                    $0.eventType == event && $0.callbackUrl == configuration.webhookURL
                }) {
                    ids.append(same.subscriptionId.description)
                } else if existing.contains(where: { $0.eventType == event }) {
                    try await activity.append(
                        tenant,
                        kind: "connection.warning",
                        message:
                            "lexoffice already sends \(event.rawValue) events elsewhere; the hub will not receive them"
                    )
                } else {
                    let created = try await client.eventSubscriptions.create(
                        NewEventSubscription(eventType: event, callbackUrl: configuration.webhookURL)
                    )
                    ids.append(created.id.description)
                }
            }
            return ids
        } catch let error as LexofficeError {
            throw HubProblem.lexoffice("registering event subscriptions failed: \(error.code)")
        }
    }

    private func client(apiKey: String) -> LexofficeClient {
        LexofficeClient(
            configuration: LexofficeClientConfiguration(baseURL: configuration.lexofficeBaseURL),
            credentials: StaticAPIKey(Secret(apiKey))
        )
    }
}
