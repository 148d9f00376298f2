import LexofficeKit

/// What the hub's HTTP routes need to know about their surroundings.
package struct HubServerConfiguration: Sendable {
    /// The hub's public base URL (`KONTOR_PUBLIC_URL`): lexoffice sends webhooks to `<it>/webhooks/lexoffice`, and
    /// problem types live below it.
    package var publicBaseURL: String
    /// The lexoffice API root, e.g. `https://api.lexware.io/v1` or the embedded sandbox.
    package var lexofficeBaseURL: String
    /// The PEM public key that verifies `X-Lxo-Signature` on incoming webhooks.
    package var webhookPublicKeyPEM: String
    /// The lexoffice events the hub subscribes to for every connected tenant.
    package var subscribedEvents: [EventType]

    /// A configuration.
    package init(
        publicBaseURL: String,
        lexofficeBaseURL: String,
        webhookPublicKeyPEM: String,
        subscribedEvents: [EventType] = HubServerConfiguration.defaultEvents
    ) {
        self.publicBaseURL = publicBaseURL.hasSuffix("/") ? String(publicBaseURL.dropLast()) : publicBaseURL
        self.lexofficeBaseURL = lexofficeBaseURL
        self.webhookPublicKeyPEM = webhookPublicKeyPEM
        self.subscribedEvents = subscribedEvents
    }

    /// Contacts (customer sync), invoices and credit notes (late finalization, archive) and revoked tokens.
    package static let defaultEvents: [EventType] = [
        "contact.created", "contact.changed", "invoice.created", "invoice.changed", "invoice.status.changed",
        "credit-note.created", "credit-note.changed", "credit-note.status.changed", "token.revoked",
    ]

    /// Where lexoffice delivers webhooks.
    package var webhookURL: String { publicBaseURL + "/webhooks/lexoffice" }
}
