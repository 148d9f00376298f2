import Foundation
import KontorCore
import LexofficeKit

/// Connects tenants to lexoffice and disconnects them: checks the credentials with `GET /v1/profile`, registers
/// the hub's event subscriptions for its webhook URL, stores the connection with the credentials sealed; on
/// disconnect removes the subscriptions and, for OAuth2, revokes the grant. A credential failure later (revoked,
/// refresh refused) marks the connection "reconnect needed" and pauses the tenant's jobs.
package struct LexofficeConnector: Sendable {
    private let settings: LexofficeSettings
    private let connections: any ConnectionRecords
    private let clients: TenantLexofficeClients
    private let jobs: any TenantQueueControl
    private let callbacks: any CallbackQueueing
    private let activity: any ActivityRecording
    private let clock: any WallClock
    private let tenantEvents: (any TenantEventNeeds)?

    /// A connector for lexoffice at `settings.baseURL`: connections stored in `connections`, the tenant's queued
    /// work paused and resumed through `jobs`, the source told through `callbacks`, every change recorded in
    /// `activity`; `tenantEvents` names the events a tenant needs beyond the configured ones.
    package init(
        settings: LexofficeSettings,
        connections: any ConnectionRecords,
        jobs: any TenantQueueControl,
        callbacks: any CallbackQueueing,
        activity: any ActivityRecording,
        clock: any WallClock,
        tenantEvents: (any TenantEventNeeds)? = nil
    ) {
        self.settings = settings
        self.connections = connections
        // Someone waits for every call the connector makes (connect, check, disconnect).
        self.clients = TenantLexofficeClients(settings: settings, connections: connections, caller: .person)
        self.jobs = jobs
        self.callbacks = callbacks
        self.activity = activity
        self.clock = clock
        self.tenantEvents = tenantEvents
    }

    /// Connects with an API key.
    /// - Throws: ``FlowProblem`` `api-key-rejected` for a key lexoffice rejects, `organization-taken` when the
    ///   organization is connected to another tenant, `lexoffice-failed` when lexoffice fails.
    package func connect(_ tenant: TenantID, apiKey: String) async throws -> LexofficeConnection {
        try await connect(tenant, credentials: .apiKey(apiKey), expiresAt: nil)
    }

    /// Connects with the tokens of a completed OAuth2 authorization.
    /// - Throws: ``FlowProblem`` `organization-taken`, `lexoffice-failed` (also for a token without refresh token
    ///   or one lexoffice rejects at once).
    package func connect(_ tenant: TenantID, token: OAuth2Token) async throws -> LexofficeConnection {
        guard let refresh = token.refreshToken else {
            throw FlowProblem(.lexofficeFailed, "lexoffice issued no refresh token")
        }
        return try await connect(
            tenant,
            credentials: .oauth2(accessToken: token.accessToken.revealed, refreshToken: refresh.revealed),
            expiresAt: token.expiresAt.date
        )
    }

    private func connect(
        _ tenant: TenantID,
        credentials: ConnectionCredentials,
        expiresAt: Date?
    ) async throws -> LexofficeConnection {
        // While connecting, the credentials are used as they are: a fresh OAuth2 access token needs no renewal, and
        // a renewal could not be stored before the connection exists.
        let bearer: String =
            switch credentials {
            case .apiKey(let key): key
            case .oauth2(let access, _): access
            }
        let client = try clients.client(for: tenant, credentials: .apiKey(bearer), accessExpiresAt: .distantFuture)
        let profile: Profile
        do {
            profile = try await client.profile()
        } catch let error as LexofficeError where [.unauthorized, .forbidden].contains(error.code) {
            if case .apiKey = credentials { throw FlowProblem(.apiKeyRejected, "lexoffice rejected the API key") }
            throw FlowProblem(.lexofficeFailed, "lexoffice rejected the new access token")
        } catch let error as LexofficeError {
            throw FlowProblem.lexoffice(error, while: "reading the lexoffice profile")
        }
        if let owner = try await connections.tenant(forOrganization: profile.organizationId.description),
            owner != tenant
        {
            throw FlowProblem(.organizationTaken, "this lexoffice organization is already connected to another tenant")
        }
        let kind: ConnectionKind = if case .apiKey = credentials { .apiKey } else { .oauth2 }
        let connection = LexofficeConnection(
            tenantID: tenant,
            kind: kind,
            organizationID: profile.organizationId.description,
            companyName: profile.companyName,
            accessExpiresAt: expiresAt,
            subscriptionIDs: try await subscribe(client, tenant: tenant),
            connectedAt: clock.now,
            updatedAt: clock.now
        )
        try await connections.save(connection, credentials: credentials)
        try await jobs.resumeTenant(tenant)
        try await callbacks.enqueue("connection.connected", data: "{}", for: tenant)
        try await activity.append(
            tenant,
            kind: "connection.connected",
            message: "connected to lexoffice (\(profile.companyName ?? "unnamed company")) with "
                + (kind == .apiKey ? "an API key" : "OAuth2"),
            details: nil
        )
        return connection
    }

    /// Removes the event subscriptions and revokes an OAuth2 grant (failures are recorded in the activity log),
    /// then the stored connection.
    /// - Throws: ``FlowProblem`` `not-connected` when the tenant has no connection.
    package func disconnect(_ tenant: TenantID) async throws {
        guard let connection = try await connections.connection(of: tenant),
            let credentials = try await connections.credentials(of: tenant)
        else {
            throw Self.notConnected(tenant)
        }
        if connection.status == .connected {
            let client = try await clients.client(for: tenant)
            for id in connection.subscriptionIDs {
                do {
                    try await client.eventSubscriptions.delete(try LexofficeID(id))
                } catch {
                    try await warn(tenant, "event subscription \(id) could not be removed: \(error)")
                }
            }
        }
        if case .oauth2(_, let refresh) = credentials, let oauth = settings.oauth {
            do {
                try await OAuth2Client(configuration: oauth).revoke(Secret(refresh))
            } catch {
                try await warn(tenant, "the OAuth2 grant could not be revoked: \(error)")
            }
        }
        try await connections.delete(tenant)
        try await callbacks.enqueue("connection.disconnected", data: "{}", for: tenant)
        try await activity.append(
            tenant,
            kind: "connection.disconnected",
            message: "disconnected from lexoffice",
            details: nil
        )
    }

    /// Calls lexoffice with the stored credentials (renewing an expiring OAuth2 token) and brings the event
    /// subscriptions up to the configured events (a tenant connected before the hub subscribed to more, e.g. the
    /// customer sync's `contact.*`, gets them here); a credential failure marks the connection "reconnect needed"
    /// and pauses the tenant's jobs.
    /// - Returns: the connection after the check.
    /// - Throws: ``FlowProblem`` `not-connected` when the tenant has no connection, `lexoffice-failed` when the
    ///   subscriptions cannot be registered.
    package func check(_ tenant: TenantID) async throws -> LexofficeConnection {
        guard let before = try await connections.connection(of: tenant) else { throw Self.notConnected(tenant) }
        do {
            let client = try await clients.client(for: tenant)
            _ = try await client.profile()
            let subscriptions = try await subscribe(client, tenant: tenant)
            if Set(subscriptions) != Set(before.subscriptionIDs) {
                try await connections.updateSubscriptions(subscriptions, of: tenant)
                try await activity.append(
                    tenant,
                    kind: "connection.subscriptions",
                    message: "event subscriptions brought up to date (\(subscriptions.count) events)",
                    details: nil
                )
            }
        } catch let error as LexofficeError
            where [.unauthorized, .forbidden, .credentialsUnavailable].contains(error.code)
        {
            try await markReconnectNeeded(tenant, reason: "lexoffice refused the stored credentials (\(error.code))")
        } catch let error as LexofficeError {
            throw FlowProblem.lexoffice(error, while: "checking the connection")
        }
        guard let connection = try await connections.connection(of: tenant) else { throw Self.notConnected(tenant) }
        return connection
    }

    /// Marks the connection "reconnect needed", pauses the tenant's jobs and records why.
    package func markReconnectNeeded(_ tenant: TenantID, reason: String) async throws {
        try await connections.markReconnectNeeded(tenant, reason: reason)
        // Callback jobs run while the tenant is paused (JobQueue.kindsRunningWhilePaused): the source learns why.
        try await callbacks.enqueue("connection.reconnect-needed", data: "{}", for: tenant)
        try await jobs.pauseTenant(tenant, reason: "reconnect needed")
        try await activity.append(
            tenant,
            kind: "connection.reconnect-needed",
            message: "\(reason); reconnect the tenant to resume its jobs",
            details: nil
        )
    }

    /// Registers the configured events for the hub's webhook URL; reuses subscriptions that already point there and
    /// removes those of the hub's URL for events no longer configured (e.g. after an upgrade that subscribes to
    /// fewer).
    private func subscribe(_ client: LexofficeClient, tenant: TenantID) async throws -> [String] {
        let needed = try await tenantEvents?.events(for: tenant) ?? []
        let wanted = settings.subscribedEvents + needed.filter { !settings.subscribedEvents.contains($0) }
        do {
            let existing = try await client.eventSubscriptions.list()
            for stale in existing
            where stale.callbackUrl == settings.webhookURL
                && !wanted.contains(stale.eventType)
            {
                do {
                    try await client.eventSubscriptions.delete(stale.subscriptionId)
                    try await activity.append(
                        tenant,
                        kind: "connection.unsubscribed",
                        message:
                            "removed the subscription to \(stale.eventType.rawValue) events; the hub no longer uses them",
                        details: nil
                    )
                } catch let error as LexofficeError {
                    // Not worth failing the connection for: the hub only records such events.
                    try await warn(
                        tenant,
                        "the subscription to \(stale.eventType.rawValue) events could not be removed: \(error.code)"
                    )
                }
            }
            var ids: [String] = []
            for event in wanted {
                if let same = existing.first(where: {
                    $0.eventType == event && $0.callbackUrl == settings.webhookURL
                }) {
                    ids.append(same.subscriptionId.description)
                } else if existing.contains(where: { $0.eventType == event }) {
                    try await warn(
                        tenant,
                        "lexoffice already sends \(event.rawValue) events elsewhere; the hub will not receive them"
                    )
                } else {
                    let created = try await client.eventSubscriptions.create(
                        NewEventSubscription(eventType: event, callbackUrl: settings.webhookURL)
                    )
                    ids.append(created.id.description)
                }
            }
            return ids
        } catch let error as LexofficeError {
            throw FlowProblem.lexoffice(error, while: "registering event subscriptions")
        }
    }

    private func warn(_ tenant: TenantID, _ message: String) async throws {
        try await activity.append(tenant, kind: "connection.warning", message: message, details: nil)
    }

    private static func notConnected(_ tenant: TenantID) -> FlowProblem {
        FlowProblem(.notConnected, "tenant '\(tenant)' has no lexoffice connection")
    }
}
