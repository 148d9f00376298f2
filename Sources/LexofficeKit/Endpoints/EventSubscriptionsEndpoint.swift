import NIOHTTP1

/// `/v1/event-subscriptions`: webhooks. There is no update: delete and create again.
public struct EventSubscriptionsEndpoint: Sendable {
    let executor: RequestExecutor

    /// Subscribes an HTTPS callback URL to an event type (lexoffice checks the URL with a HEAD request).
    /// - Throws: ``LexofficeError/Code/conflict`` (409) if this type and URL are already subscribed;
    ///   ``LexofficeError/Code/validationFailed`` (406) if the URL check fails.
    public func create(_ subscription: NewEventSubscription) async throws -> ActionResult {
        try await executor.send(.json(.POST, "event-subscriptions", body: subscription), decoding: ActionResult.self)
    }

    /// All subscriptions of this connection (not paged).
    public func list() async throws -> [EventSubscription] {
        try await executor.send(
            LexofficeRequest(method: .GET, path: "event-subscriptions"),
            decoding: EventSubscriptionList.self
        ).content
    }

    /// Reads a subscription.
    public func get(_ id: LexofficeID) async throws -> EventSubscription {
        try await executor.send(
            LexofficeRequest(method: .GET, path: "event-subscriptions/\(id)"),
            decoding: EventSubscription.self
        )
    }

    /// Deletes a subscription (204; 404 if unknown).
    public func delete(_ id: LexofficeID) async throws {
        _ = try await executor.send(LexofficeRequest(method: .DELETE, path: "event-subscriptions/\(id)"))
    }
}
