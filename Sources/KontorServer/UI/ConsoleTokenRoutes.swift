import Foundation
import Hummingbird
import KontorCore
import KontorStore

/// The tenant's access keys for its source application: create one (shown once) and revoke one (after a
/// confirmation page).
struct ConsoleTokenRoutes {
    let tenants: TenantStore
    let tokens: APITokenStore
    let activity: ActivityLog
    let renderer: ConsoleRenderer

    func register(on group: RouterGroup<HubRequestContext>) {
        group.post("tenants/:tenant/tokens") { request, context in
            let (page, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            guard let name = context.form.value("name"), name.count <= 100 else {
                throw ConsoleFailure(code: "validation-failed", fields: ["name"])
            }
            let (token, record) = try await tokens.create(scope: .tenant(tenant.id), name: name)
            try await activity.append(
                tenant.id,
                kind: "token.created",
                message: "access key \(record.id) created in the console"
            )
            return renderer.shownOnce(
                token,
                label: name,
                heading: page.text("tokens.createdHeading"),
                text: page.text("tokens.createdText"),
                of: tenant.id,
                request: request,
                context: context
            )
        }
        group.get("tenants/:tenant/tokens/:token/revoke") { request, context in
            let (page, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            let record = try await ownToken(context, of: tenant)
            return renderer.page(
                "confirm",
                [
                    "heading": page.text("tokens.revokeTitle"),
                    "text": "\(record.name): " + page.text("tokens.revokeText"),
                    "confirmLabel": page.text("tokens.revokeConfirm"),
                    "action": "/ui/tenants/\(tenant.id)/tokens/\(record.id)/revoke",
                    "cancelLink": "/ui/tenants/\(tenant.id)",
                ],
                request: request,
                context: context
            )
        }
        group.post("tenants/:tenant/tokens/:token/revoke") { request, context in
            let (_, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            let record = try await ownToken(context, of: tenant)
            try await tokens.revoke(record.id)
            try await activity.append(
                tenant.id,
                kind: "token.revoked",
                message: "access key \(record.id) revoked in the console"
            )
            return ConsoleErrorMiddleware.redirect(to: "/ui/tenants/\(tenant.id)?notice=tokenRevoked")
        }
    }

    /// The token the path names, if it is one of `tenant`'s.
    private func ownToken(_ context: HubRequestContext, of tenant: Tenant) async throws -> APITokenRecord {
        guard let record = try await tokens.token(try context.parameters.require("token")),
            record.scope == .tenant(tenant.id)
        else { throw ConsoleFailure(code: "not-found") }
        return record
    }

}
