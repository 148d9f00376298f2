import HTTPTypes

/// The OAuth2 scopes the sandbox grants and which one each `/v1` request needs.
///
/// lexoffice confirms only `profile.read`, `contacts.*`, `vouchers.*` and `files.*` (seen in partner code). The
/// sandbox **assumes** the rest: `articles.*` and `event-subscriptions.*` follow the `<resource>.read|write`
/// pattern; vouchers, the voucherlist, payments and every sales voucher type (invoices, credit notes,
/// quotations …) share `vouchers.*`; reference data (countries, payment conditions, posting categories, print
/// layouts) and `POST /v1/revoke` need no scope. Any other resource needs `<resource>.read|write`.
/// API keys are not limited by scopes.
enum OAuthScope {
    /// Every scope an application may request, with what the consent page says about it (German, English).
    static let known: [(scope: String, german: String, english: String)] = [
        ("profile.read", "Firmenprofil lesen", "read the company profile"),
        ("contacts.read", "Kontakte lesen", "read contacts"),
        ("contacts.write", "Kontakte anlegen und ändern", "create and change contacts"),
        ("articles.read", "Artikel lesen", "read articles"),
        ("articles.write", "Artikel anlegen, ändern und löschen", "create, change and delete articles"),
        ("vouchers.read", "Belege, Rechnungen und Zahlungen lesen", "read vouchers, invoices and payments"),
        ("vouchers.write", "Belege und Rechnungen anlegen und ändern", "create and change vouchers and invoices"),
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
        case "vouchers", "voucherlist", "payments", "invoices", "credit-notes", "quotations", "order-confirmations",
            "delivery-notes", "dunnings", "down-payment-invoices", "recurring-templates":
            return "vouchers." + access
        default:
            return resource + "." + access
        }
    }
}
