import KontorFlows
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
    /// The lexoffice events the hub subscribes to for every connected tenant: ``requiredEvents`` and any more the
    /// operator configured (`lexoffice.events`).
    package var subscribedEvents: [EventType]
    /// The hub's OAuth2 application at lexoffice; `nil` when tenants can connect with API keys only. Its
    /// redirect URI must be ``oauthRedirectURI``.
    package var oauth: OAuth2Configuration?
    /// The scopes the hub asks for when a tenant connects with OAuth2.
    package var oauthScopes: [String]
    /// The lexoffice web app's root, for deep links to transferred documents (`https://app.lexware.de`).
    package var lexofficeAppURL: String
    /// Requests per second on one tenant's lexoffice connection (lexoffice allows 2).
    package var lexofficeRequestsPerSecond: Double
    /// Whether callbacks may go to loopback, link-local, private and the hub's own addresses
    /// (`callbacks.allow.private`; see ``CallbackAddressPolicy``).
    package var callbacksAllowPrivate: Bool
    /// Where tenants' own drop folders may be (`forwarding.dropfolder.allowed`).
    package var dropFolderPolicy: DropFolderPolicy

    /// A configuration.
    package init(
        publicBaseURL: String,
        lexofficeBaseURL: String,
        webhookPublicKeyPEM: String,
        subscribedEvents: [EventType] = HubServerConfiguration.requiredEvents,
        oauth: OAuth2Configuration? = nil,
        oauthScopes: [String] = HubServerConfiguration.defaultScopes,
        lexofficeAppURL: String = "https://app.lexware.de",
        lexofficeRequestsPerSecond: Double = 2,
        callbacksAllowPrivate: Bool = false,
        dropFolderPolicy: DropFolderPolicy = DropFolderPolicy()
    ) {
        self.publicBaseURL = publicBaseURL.hasSuffix("/") ? String(publicBaseURL.dropLast()) : publicBaseURL
        self.lexofficeBaseURL = lexofficeBaseURL
        self.webhookPublicKeyPEM = webhookPublicKeyPEM
        self.subscribedEvents = subscribedEvents
        self.oauth = oauth
        self.oauthScopes = oauthScopes
        self.lexofficeAppURL = lexofficeAppURL
        self.lexofficeRequestsPerSecond = lexofficeRequestsPerSecond
        self.callbacksAllowPrivate = callbacksAllowPrivate
        self.dropFolderPolicy = dropFolderPolicy
    }

    /// What every flow Kontor runs needs (transfer, customer sync, archive): the profile, contacts, invoices, credit
    /// notes, bookkeeping vouchers, the voucher list, payments, files and event subscriptions.
    ///
    /// lexoffice confirms only `profile.read`, `contacts.*`, `vouchers.*` and `files.*` (seen in partner code); the
    /// others are **unconfirmed** guesses following the same `<resource>.read|write` pattern (its consent page lists
    /// "Rechnungen abrufen / speichern" and "Zahlungsinformationen von Belegen abrufen"). Configurable with
    /// `lexoffice.oauth.scopes` should lexoffice name them differently.
    package static let defaultScopes = [
        "profile.read", "contacts.read", "contacts.write", "invoices.read", "invoices.write", "credit-notes.read",
        "credit-notes.write", "vouchers.read", "vouchers.write", "voucherlist.read", "payments.read", "files.read",
        "files.write", "event-subscriptions.read", "event-subscriptions.write",
    ]

    /// Where lexoffice sends the browser back after the consent page.
    package var oauthRedirectURI: String { publicBaseURL + "/oauth/callback" }

    /// The events the hub acts on: a draft it transferred was finalized in lexoffice (its number is written back),
    /// a revoked grant (the tenant needs reconnecting), and customer contacts created, changed or deleted in
    /// lexoffice (the customer sync's change feed; ignored while a tenant's sync does not take lexoffice's changes).
    /// Other events are not subscribed to unless configured: each costs lexoffice a signed delivery and the hub a
    /// verification, and most would only echo the hub's own writes (`invoice.created` for every invoice it
    /// transfers).
    package static let requiredEvents: [EventType] = [
        .invoiceStatusChanged, .tokenRevoked, .contactCreated, .contactChanged, .contactDeleted,
    ]

    /// Where lexoffice delivers webhooks.
    package var webhookURL: String { publicBaseURL + "/webhooks/lexoffice" }

    /// What the flows need of it to reach lexoffice.
    package var lexoffice: LexofficeSettings {
        LexofficeSettings(
            baseURL: lexofficeBaseURL,
            requestsPerSecond: lexofficeRequestsPerSecond,
            oauth: oauth,
            webhookURL: webhookURL,
            subscribedEvents: subscribedEvents
        )
    }
}
