/// The hub-wide forwarding switch (the seed's one "Aktiv" switch for every client company), a port the store
/// implements: stored in the database, so that every hub process sharing it reads the same value at each job.
package protocol HubForwardingSwitch: Sendable {
    /// Whether documents are forwarded at all; `false` makes every tenant's documents wait (`pending`).
    func isForwardingActive() async throws -> Bool
}
