import Foundation
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore

/// The connection section's forms: connect with an API key, start an OAuth2 connect (through the hub's
/// `/oauth/start`, back on the tenant's page afterwards), check, and disconnect after a confirmation page.
struct ConsoleConnectionRoutes {
    let tenants: TenantStore
    let connector: LexofficeConnector
    let oauthStates: OAuthStateStore
    let oauthAvailable: Bool
    let renderer: ConsoleRenderer

    func register(on group: RouterGroup<HubRequestContext>) {
        group.post("tenants/:tenant/connection/api-key") { request, context in
            let (_, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            guard let key = context.form.value("apiKey"), key.count <= 200,
                key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) })
            else {
                throw ConsoleFailure(code: "validation-failed", fields: ["apiKey"])
            }
            _ = try await connector.connect(tenant.id, apiKey: key)
            return ConsoleErrorMiddleware.redirect(to: "/ui/tenants/\(tenant.id)?notice=connected")
        }
        group.post("tenants/:tenant/connection/oauth") { request, context in
            let (_, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            guard oauthAvailable else { throw ConsoleFailure(code: "no-oauth") }
            let ticket = try await oauthStates.createTicket(for: tenant.id)
            return ConsoleErrorMiddleware.redirect(to: "/oauth/start?ticket=\(ticket)&return=console")
        }
        group.post("tenants/:tenant/connection/check") { request, context in
            let (_, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            _ = try await connector.check(tenant.id)
            return ConsoleErrorMiddleware.redirect(to: "/ui/tenants/\(tenant.id)?notice=checked")
        }
        group.get("tenants/:tenant/connection/disconnect") { request, context in
            let (page, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            return renderer.page(
                "confirm",
                [
                    "heading": page.text("connection.disconnectTitle"), "text": page.text("connection.disconnectText"),
                    "confirmLabel": page.text("connection.disconnectConfirm"),
                    "action": "/ui/tenants/\(tenant.id)/connection/disconnect",
                    "cancelLink": "/ui/tenants/\(tenant.id)",
                ],
                request: request,
                context: context
            )
        }
        group.post("tenants/:tenant/connection/disconnect") { request, context in
            let (_, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            try await connector.disconnect(tenant.id)
            return ConsoleErrorMiddleware.redirect(to: "/ui/tenants/\(tenant.id)?notice=disconnected")
        }
    }

}
