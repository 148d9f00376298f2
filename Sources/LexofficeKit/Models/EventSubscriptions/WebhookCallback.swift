/// The body lexoffice POSTs to a subscription's callback URL: ids only, fetch the resource afterwards.
///
/// Verify the `X-Lxo-Signature` header against the raw body bytes before decoding. The payload has no event id;
/// deduplicate on (``eventType``, ``resourceId``, ``eventDate``).
public struct WebhookCallback: Codable, Hashable, Sendable {
    /// The organization where the event happened.
    public var organizationId: LexofficeID
    /// What happened.
    public var eventType: EventType
    /// The affected resource; the `connectionId` for ``EventType/tokenRevoked``.
    public var resourceId: LexofficeID
    /// When the event was triggered.
    public var eventDate: LexofficeDateTime

    /// Creates a callback body (simulators and tests).
    public init(
        organizationId: LexofficeID,
        eventType: EventType,
        resourceId: LexofficeID,
        eventDate: LexofficeDateTime
    ) {
        self.organizationId = organizationId
        self.eventType = eventType
        self.resourceId = resourceId
        self.eventDate = eventDate
    }
}
