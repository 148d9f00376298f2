import LexofficeKit

/// How the hub reaches lexoffice, as the flows need it: the API root and rate, the OAuth2 application, and the
/// webhook subscriptions registered on connect.
package struct LexofficeSettings: Sendable {
    /// The lexoffice API root, e.g. `https://api.lexware.io/v1` or the embedded sandbox.
    package var baseURL: String
    /// Requests per second on one tenant's lexoffice connection (lexoffice allows 2).
    package var requestsPerSecond: Double
    /// The hub's OAuth2 application at lexoffice; `nil` when tenants can connect with API keys only.
    package var oauth: OAuth2Configuration?
    /// Where lexoffice delivers the hub's webhooks.
    package var webhookURL: String
    /// The events subscribed to for every connected tenant.
    package var subscribedEvents: [EventType]

    /// Settings.
    package init(
        baseURL: String,
        requestsPerSecond: Double,
        oauth: OAuth2Configuration?,
        webhookURL: String,
        subscribedEvents: [EventType]
    ) {
        self.baseURL = baseURL
        self.requestsPerSecond = requestsPerSecond
        self.oauth = oauth
        self.webhookURL = webhookURL
        self.subscribedEvents = subscribedEvents
    }
}
