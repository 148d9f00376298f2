import LexofficeKit

extension Organization {
    /// Raises `token.revoked` for the `token.revoked` subscriptions that exist now (the revoked connection's own
    /// included, as a partner application subscribes with its own token), then deletes the subscriptions the
    /// connection created.
    mutating func revokeConnection(_ connectionID: LexofficeID, at date: LexofficeDateTime) {
        let recipients = subscriptions.values.filter { $0.eventType == .tokenRevoked }
        outbox.append(
            SandboxEvent(
                organizationID: id,
                eventType: .tokenRevoked,
                resourceID: connectionID,
                eventDate: date,
                recipients: recipients
            )
        )
        deleteSubscriptions(of: connectionID)
    }

    /// Deletes the event subscriptions a connection (OAuth connection or API key) created.
    mutating func deleteSubscriptions(of connectionID: LexofficeID) {
        for (subscriptionID, owner) in subscriptionConnections where owner == connectionID {
            subscriptions[subscriptionID] = nil
            subscriptionConnections[subscriptionID] = nil
        }
    }
}
