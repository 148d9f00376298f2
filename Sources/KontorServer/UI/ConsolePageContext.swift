import Foundation
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore

/// What a console handler needs of its request: the session, the language, the formats and texts of that
/// language, and the tenant the path names (if the user may open it).
struct ConsolePageContext {
    let session: ConsoleSession
    let language: ConsoleLanguage
    let catalogue: ConsoleCatalogue
    private(set) var format: ConsoleFormat

    /// The page context of a signed-in request; otherwise the browser goes to the sign-in page.
    init(_ request: Request, _ context: HubRequestContext, catalogue: ConsoleCatalogue) throws {
        session = try context.requireConsoleSession(returningTo: request.uri.path)
        language = ConsoleLanguage.of(request)
        self.catalogue = catalogue
        format = ConsoleFormat(
            locale: catalogue.strings(language).locale,
            timeZone: ConsoleFormat.defaultTimeZone
        )
    }

    /// The page context of a request to one of a tenant's pages and the tenant its path names.
    static func tenantPage(
        _ request: Request,
        _ context: HubRequestContext,
        _ renderer: ConsoleRenderer,
        _ tenants: TenantStore
    ) async throws -> (ConsolePageContext, Tenant) {
        var page = try ConsolePageContext(request, context, catalogue: renderer.catalogue)
        let tenant = try await page.tenant(try context.parameters.require("tenant"), in: tenants)
        page.format = ConsoleFormat(locale: page.format.locale, timeZone: tenant.zone)
        return (page, tenant)
    }

    /// Whether the user is a partner user (every tenant).
    var isPartner: Bool { session.user.scope == .partner }

    /// The text at `path` in the page's language.
    func text(_ path: String, _ values: [String: String] = [:]) -> String {
        catalogue.text(path, in: language, values)
    }

    /// The tenant `id`, if it exists and the user may open it (a tenant user only its own: others are "not found").
    private func tenant(_ id: String, in tenants: TenantStore) async throws -> Tenant {
        let tenantID = TenantID(id)
        if case .tenant(let own) = session.user.scope, own != tenantID { throw ConsoleFailure(code: "not-found") }
        guard let tenant = try await tenants.tenant(tenantID) else { throw ConsoleFailure(code: "not-found") }
        return tenant
    }

    /// Refuses what only partner users may do.
    func requirePartner() throws(ConsoleFailure) {
        guard isPartner else { throw ConsoleFailure(code: "forbidden") }
    }

    /// The tenant's header values (name, activation, settings) for the templates.
    func tenantValues(_ tenant: Tenant) -> [String: Any] {
        ConsoleValues.compact([
            "id": tenant.id.rawValue, "name": tenant.name, "companyCode": tenant.companyCode,
            "isActive": tenant.isActive,
            "activeLabel": (tenant.isActive ? "✓ " : "○ ")
                + text(tenant.isActive ? "status.active" : "status.inactive"),
            "activeTone": tenant.isActive ? "good" : "neutral",
            "activeSince": tenant.activeSince.map(format.dateTime), "version": tenant.version,
            "finalizeInvoices": tenant.settings.finalizeInvoices, "autoTransfer": tenant.settings.autoTransfer,
            "callbackUrl": tenant.callbackURL, "timeZone": tenant.timeZone ?? Tenant.defaultTimeZone,
        ])
    }

    /// A transfer state's label and tone (the label carries a symbol: status is never colour alone).
    func transferState(_ state: TransferState) -> (label: String, tone: String) {
        let (symbol, tone) =
            switch state {
            case .transferred: ("✓", "good")
            case .failed: ("✕", "bad")
            case .pending, .transferring: ("…", "warn")
            case .stored, .skipped: ("○", "neutral")
            }
        return ("\(symbol) \(text("states.\(state.rawValue)"))", tone)
    }
}
