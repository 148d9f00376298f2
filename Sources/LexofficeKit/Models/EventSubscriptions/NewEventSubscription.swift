/// The body that creates an event subscription (`POST /v1/event-subscriptions`).
///
/// lexoffice sends a `HEAD` request to the URL to check its TLS certificate (406 on failure) and answers 409 when
/// the same event type and URL are already subscribed.
public struct NewEventSubscription: Codable, Hashable, Sendable {
    /// The event type to subscribe to.
    public var eventType: EventType
    /// The HTTPS URL notifications are sent to.
    public var callbackUrl: String

    /// Creates a subscription request.
    public init(eventType: EventType, callbackUrl: String) {
        self.eventType = eventType
        self.callbackUrl = callbackUrl
    }
}
