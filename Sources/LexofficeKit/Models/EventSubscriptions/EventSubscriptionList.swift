/// All event subscriptions of the connection (`GET /v1/event-subscriptions`; not paged).
public struct EventSubscriptionList: Codable, Hashable, Sendable {
    /// The subscriptions.
    public var content: [EventSubscription]

    /// Creates a list (simulators and tests).
    public init(content: [EventSubscription]) {
        self.content = content
    }
}
