/// A webhook subscription: lexoffice POSTs a ``WebhookCallback`` to ``callbackUrl`` for each ``eventType`` event.
///
/// Subscriptions belong to the API key that created them and are deleted with it. There is no update: delete and
/// create again.
public struct EventSubscription: Codable, Hashable, Sendable {
    /// The subscription's id (the create answer calls it `id`).
    public var subscriptionId: LexofficeID
    /// The organization.
    public var organizationId: LexofficeID?
    /// When the subscription was created.
    public var createdDate: LexofficeDateTime?
    /// The subscribed event type.
    public var eventType: EventType
    /// The HTTPS URL notifications are sent to.
    public var callbackUrl: String

    /// Creates a subscription (simulators and tests).
    public init(
        subscriptionId: LexofficeID,
        eventType: EventType,
        callbackUrl: String,
        organizationId: LexofficeID? = nil,
        createdDate: LexofficeDateTime? = nil
    ) {
        self.subscriptionId = subscriptionId
        self.organizationId = organizationId
        self.createdDate = createdDate
        self.eventType = eventType
        self.callbackUrl = callbackUrl
    }
}
