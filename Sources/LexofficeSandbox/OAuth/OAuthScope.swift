import HTTPTypes

/// The OAuth2 scopes the sandbox grants and which one each `/v1` request needs.
///
/// lexoffice confirms only `profile.read`, `contacts.*`, `vouchers.*` and `files.*` (seen in partner code). The
/// sandbox **assumes** the rest follow the same `<resource>.read|write` pattern, one scope pair per path resource:
/// `invoices.*`, `credit-notes.*`, `payments.read`, `voucherlist.read`, `articles.*`, `event-subscriptions.*` …
/// (the hub asks for the same strings); reference data (countries, payment conditions, posting categories, print
/// layouts) and `POST /v1/revoke` need no scope. API keys are not limited by scopes.
enum OAuthScope {
    /// Every scope an application may request, with what the consent page says about it (German, English).
    static let known: [(scope: String, german: String, english: String)] = [
        ("profile.read", "Firmenprofil lesen", "read the company profile"),
        ("contacts.read", "Kontakte lesen", "read contacts"),
        ("contacts.write", "Kontakte anlegen und ändern", "create and change contacts"),
        ("articles.read", "Artikel lesen", "read articles"),
        ("articles.write", "Artikel anlegen, ändern und löschen", "create, change and delete articles"),
        ("vouchers.read", "Belege lesen", "read bookkeeping vouchers"),
        ("vouchers.write", "Belege anlegen und ändern", "create and change bookkeeping vouchers"),
        ("voucherlist.read", "Belegliste filtern und abrufen", "filter and read the voucher list"),
        ("invoices.read", "Rechnungen abrufen", "read invoices"),
        ("invoices.write", "Rechnungen speichern", "save invoices"),
        ("credit-notes.read", "Gutschriften abrufen", "read credit notes"),
        ("credit-notes.write", "Gutschriften speichern", "save credit notes"),
        ("payments.read", "Zahlungsinformationen von Belegen abrufen", "read the payment information of vouchers"),
        ("quotations.read", "Angebote abrufen", "read quotations"),
        ("quotations.write", "Angebote speichern", "save quotations"),
        ("order-confirmations.read", "Auftragsbestätigungen abrufen", "read order confirmations"),
        ("order-confirmations.write", "Auftragsbestätigungen speichern", "save order confirmations"),
        ("delivery-notes.read", "Lieferscheine abrufen", "read delivery notes"),
        ("delivery-notes.write", "Lieferscheine speichern", "save delivery notes"),
        ("dunnings.read", "Mahnungen abrufen", "read dunnings"),
        ("dunnings.write", "Mahnungen speichern", "save dunnings"),
        ("down-payment-invoices.read", "Abschlagsrechnungen abrufen", "read down payment invoices"),
        ("recurring-templates.read", "Wiederkehrende Vorlagen abrufen", "read recurring templates"),
        ("files.read", "Dateien herunterladen", "download files"),
        ("files.write", "Dateien hochladen", "upload files"),
        ("event-subscriptions.read", "Webhook-Abonnements lesen", "read webhook subscriptions"),
        ("event-subscriptions.write", "Webhook-Abonnements verwalten", "manage webhook subscriptions"),
        (
            "transaction-assignment-hint.write", "Zuordnungshinweise für Zahlungen senden",
            "send payment assignment hints"
        ),
    ]

    /// Whether `scope` is one the sandbox can grant.
    static func isKnown(_ scope: String) -> Bool {
        known.contains { $0.scope == scope }
    }

    /// The scopes in a `scope` parameter: space-separated, or comma-separated as older integrations send them;
    /// duplicates dropped, order kept.
    static func parse(_ text: String) -> [String] {
        var scopes: [String] = []
        for part in text.split(whereSeparator: { $0 == " " || $0 == "," }) where !scopes.contains(String(part)) {
            scopes.append(String(part))
        }
        return scopes
    }

    /// The scope a request needs, or `nil` when any valid token may make it.
    /// - Parameter path: the request path, e.g. `/v1/contacts/…` (a mount prefix before `/v1` is ignored).
    static func required(method: HTTPRequest.Method, path: String) -> String? {
        let segments = path.split(separator: "/")
        guard let v1 = segments.firstIndex(of: "v1"), v1 + 1 < segments.count else { return nil }
        let resource = String(segments[v1 + 1])
        let access = method == .get || method == .head ? "read" : "write"
        switch resource {
        case "countries", "payment-conditions", "posting-categories", "print-layouts", "revoke":
            return nil
        case "ping", "profile":
            return "profile.read"
        default:
            return resource + "." + access
        }
    }
}
