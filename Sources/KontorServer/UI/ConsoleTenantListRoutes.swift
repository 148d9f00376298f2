import Foundation
import Hummingbird
import KontorCore
import KontorStore

/// The console's start page: for a partner user the tenants list with each tenant's health (searched, paged), the
/// hub-wide forwarding switch and the form to create a tenant; a tenant user goes straight to the own tenant.
struct ConsoleTenantListRoutes {
    let overviews: TenantOverviewStore
    let hubSwitch: ForwardingSwitchStore
    let tenants: TenantStore
    let activity: ActivityLog
    let callbackSecrets: CallbackSecrets
    let renderer: ConsoleRenderer
    let clock: any WallClock

    static let pageSize = 50

    func register(on group: RouterGroup<HubRequestContext>) {
        group.get("") { request, context in
            let page = try ConsolePageContext(request, context, catalogue: renderer.catalogue)
            if case .tenant(let own) = page.session.user.scope {
                throw ConsoleRedirect(location: "/ui/tenants/\(own)")
            }
            let query = request.uri.queryParameters.get("q").map { String($0.prefix(100)) } ?? ""
            let number = max(1, request.uri.queryParameters.get("page").flatMap { Int($0) } ?? 1)
            let found = try await overviews.tenants(
                matching: query,
                offset: (number - 1) * Self.pageSize,
                limit: Self.pageSize + 1
            )
            let link = { (target: Int) in
                "/ui/?page=\(target)"
                    + (query.isEmpty
                        ? "" : "&q=\(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
            }
            return renderer.page(
                "tenants",
                ConsoleValues.compact([
                    "tenants": found.prefix(Self.pageSize).map { row(for: $0, page: page) },
                    "hasTenants": !found.isEmpty,
                    "query": query,
                    "pageLabel": page.text("pager.page", ["page": String(number)]),
                    "previousPage": number > 1 ? link(number - 1) : "",
                    "nextPage": found.count > Self.pageSize ? link(number + 1) : "",
                    "hubForwarding": hubForwarding(try await hubSwitch.state(), page: page),
                ]),
                request: request,
                context: context
            )
        }
        group.post("tenants") { request, context in
            let page = try ConsolePageContext(request, context, catalogue: renderer.catalogue)
            try page.requirePartner()
            let form = context.form
            let id = form.value("id")?.lowercased() ?? ""
            let name = form.value("name") ?? ""
            let companyCode = form.value("companyCode")
            // The API's rules, so both refuse the same tenants.
            var fields = TenantID(id).isValid ? [] : ["id"]
            fields += TenantFieldRules.check(name: name, companyCode: companyCode, callbackURL: nil)
                .map { $0.pointer.replacingOccurrences(of: "#/", with: "") }
            guard fields.isEmpty else { throw ConsoleFailure(code: "validation-failed", fields: fields) }
            if try await tenants.tenant(TenantID(id)) != nil { throw ConsoleFailure(code: "tenant-exists") }
            let now = clock.now
            let created = try await tenants.create(
                Tenant(id: TenantID(id), name: name, companyCode: companyCode, createdAt: now, updatedAt: now)
            )
            _ = try await callbackSecrets.rotate(created.id)
            try await activity.append(
                created.id,
                kind: "tenant.created",
                message: "tenant created in the console by \(page.session.user.username)"
            )
            return ConsoleErrorMiddleware.redirect(to: "/ui/tenants/\(created.id)?notice=tenantCreated")
        }
        group.post("forwarding") { request, context in
            let page = try ConsolePageContext(request, context, catalogue: renderer.catalogue)
            try page.requirePartner()
            guard let active = context.form.value("active").flatMap(Bool.init) else {
                throw ConsoleFailure(code: "validation-failed", fields: ["active"])
            }
            let state = try await hubSwitch.set(active)
            let notice = state.isActive ? "forwardingSwitchedOn" : "forwardingSwitchedOff"
            return ConsoleErrorMiddleware.redirect(to: "/ui/?notice=\(notice)")
        }
    }

    /// The hub-wide forwarding switch's values: its state and the button that turns it the other way.
    private func hubForwarding(_ state: ForwardingSwitchStore.State, page: ConsolePageContext) -> [String: Any] {
        [
            "active": state.isActive, "tone": state.isActive ? "good" : "warn",
            "label": (state.isActive ? "✓ " : "⏸ ")
                + page.text(state.isActive ? "tenants.forwardingOn" : "tenants.forwardingOff"),
            "next": state.isActive ? "false" : "true",
            "button": page.text(state.isActive ? "tenants.forwardingSwitchOff" : "tenants.forwardingSwitchOn"),
        ]
    }

    private func row(for tenant: TenantOverview, page: ConsolePageContext) -> [String: Any] {
        let (connection, tone) =
            switch tenant.connectionStatus {
            case "connected": ("✓ " + page.text("status.connected"), "good")
            case "reconnect-needed": ("⚠ " + page.text("status.reconnectNeeded"), "warn")
            default: ("✕ " + page.text("status.notConnected"), "bad")
            }
        return ConsoleValues.compact([
            "id": tenant.id.rawValue, "name": tenant.name,
            "connectionLabel": connection, "connectionTone": tone, "companyName": tenant.companyName,
            "activeLabel": (tenant.isActive ? "✓ " : "○ ")
                + page.text(tenant.isActive ? "status.active" : "status.inactive"),
            "activeTone": tenant.isActive ? "good" : "neutral",
            "lastTransfer": tenant.lastTransferAt.map(page.format.dateTime) ?? "–",
            "failedInvoices": tenant.failedInvoices, "hasFailures": tenant.failedInvoices > 0,
            "backlog": tenant.backlog,
        ])
    }
}
