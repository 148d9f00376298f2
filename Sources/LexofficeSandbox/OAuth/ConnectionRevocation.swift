import LexofficeKit

/// What follows the revocation of an OAuth connection in its organization: `token.revoked` with the
/// connection id as `resourceId`, and the end of the event subscriptions the connection created.
struct ConnectionRevocation: Sendable {
    let state: SandboxState

    /// Announces `revoked` and deletes its subscriptions; nothing happens when the organization is gone (reset).
    func announce(_ revoked: OAuthRegistry.RevokedConnection) {
        let now = state.clock.timestamp
        _ = try? state.write(revoked.organizationID) { organization in
            organization.revokeConnection(revoked.connectionID, at: now)
        }
    }
}
