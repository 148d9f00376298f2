/// Where received documents are stored for forwarding, a port the store implements.
package protocol DocumentInbox: Sendable {
    /// Stores `incoming` and queues its forwarding, or recognizes it as received before.
    /// - Throws: the store's errors for an unknown tenant and for an `externalId` received before with other
    ///   content (``DocumentInbox/isDuplicate(_:)`` tells the latter).
    func receive(_ incoming: IncomingDocument) async throws -> DocumentIntake

    /// Whether `error`, thrown by ``receive(_:)``, says the `externalId` was received before with other content.
    func isDuplicate(_ error: any Error) -> Bool
}
