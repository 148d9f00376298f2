import Foundation
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore

/// A tenant's page in the console: its lexoffice connection, activation, transfer settings, callback and the
/// source application's access keys; and the forms that change them.
struct ConsoleTenantRoutes {
    let tenants: TenantStore
    let connections: ConnectionStore
    let tokens: APITokenStore
    let activity: ActivityLog
    let callbackSecrets: CallbackSecrets
    let renderer: ConsoleRenderer
    let oauthAvailable: Bool
    let clock: any WallClock

    func register(on group: RouterGroup<HubRequestContext>) {
        group.get("tenants/:tenant") { request, context in
            let (page, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            let connection = try await connections.connection(of: tenant.id)
            let tenantTokens = try await tokens.list().filter { $0.scope == .tenant(tenant.id) }
            var noticeValues = ["company": connection?.companyName ?? "lexoffice"]
            if let connection { noticeValues["status"] = connectionLabel(connection, page: page) }
            return renderer.page(
                "tenant",
                ConsoleValues.compact([
                    "tenant": page.tenantValues(tenant), "tabOverview": true,
                    "connection": connection.map { connectionValues($0, page: page) },
                    "oauthAvailable": oauthAvailable, "showAPIKeyForm": connection == nil || !oauthAvailable,
                    "today": page.format.isoDay(clock.now),
                    "variantInvoice": tenant.settings.transferVariant == .invoice,
                    "tokens": tenantTokens.map { token in
                        ConsoleValues.compact([
                            "id": token.id, "name": token.name, "createdAt": page.format.dateTime(token.createdAt),
                            "revokedAt": token.revokedAt.map(page.format.dateTime),
                        ])
                    },
                    "hasTokens": !tenantTokens.isEmpty,
                    "noticeValues": noticeValues,
                ]),
                request: request,
                context: context
            )
        }
        group.post("tenants/:tenant/activate") { request, context in
            let (page, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            let since = try Self.activationDate(context.form.value("since"), format: page.format) ?? clock.now
            _ = try await tenants.update(tenant.id) { tenant in
                tenant.isActive = true
                tenant.activeSince = since
            }
            try await activity.append(tenant.id, kind: "tenant.activated", message: "tenant activated in the console")
            return ConsoleErrorMiddleware.redirect(to: "/ui/tenants/\(tenant.id)?notice=activated")
        }
        group.post("tenants/:tenant/deactivate") { request, context in
            let (_, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            _ = try await tenants.update(tenant.id) { $0.isActive = false }
            try await activity.append(
                tenant.id,
                kind: "tenant.deactivated",
                message: "tenant deactivated in the console"
            )
            return ConsoleErrorMiddleware.redirect(to: "/ui/tenants/\(tenant.id)?notice=deactivated")
        }
        group.post("tenants/:tenant/settings") { request, context in
            let (_, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            let form = context.form
            guard let variant = form.value("transferVariant").flatMap(TransferVariant.init(rawValue:)) else {
                throw ConsoleFailure(code: "validation-failed", fields: ["transferVariant"])
            }
            let finalize = form.value("finalizeInvoices") != "false"
            let auto = form.value("autoTransfer") == "true"
            let zone = form.value("timeZone") ?? Tenant.defaultTimeZone
            guard TenantFieldRules.checkTimeZone(zone).isEmpty else {
                throw ConsoleFailure(code: "validation-failed", fields: ["timeZone"])
            }
            do {
                _ = try await tenants.update(tenant.id, expectedVersion: form.value("version").flatMap { Int($0) }) {
                    tenant in
                    tenant.settings.transferVariant = variant
                    tenant.settings.finalizeInvoices = finalize
                    tenant.settings.autoTransfer = auto
                    tenant.timeZone = zone == Tenant.defaultTimeZone ? nil : zone
                }
            } catch let error as StoreError where error.code == .invalidState {
                throw ConsoleFailure(code: "variant-locked", fields: ["transferVariant"])
            }
            return ConsoleErrorMiddleware.redirect(to: "/ui/tenants/\(tenant.id)?notice=settingsSaved")
        }
        group.post("tenants/:tenant/callback") { request, context in
            let (_, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            let url = context.form.value("callbackUrl")
            guard TenantFieldRules.check(name: nil, companyCode: nil, callbackURL: url).isEmpty else {
                throw ConsoleFailure(code: "validation-failed", fields: ["callbackUrl"])
            }
            _ = try await tenants.update(
                tenant.id,
                expectedVersion: context.form.value("version").flatMap { Int($0) }
            ) { $0.callbackURL = url }
            return ConsoleErrorMiddleware.redirect(to: "/ui/tenants/\(tenant.id)?notice=callbackSaved")
        }
        group.post("tenants/:tenant/callback-secret") { request, context in
            let (page, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            let secret = try await callbackSecrets.rotate(tenant.id)
            try await activity.append(
                tenant.id,
                kind: "tenant.callback-secret",
                message: "callback secret replaced in the console"
            )
            return renderer.shownOnce(
                secret,
                label: page.text("callbackSecret.label"),
                heading: page.text("callbackSecret.heading"),
                text: page.text("callbackSecret.text"),
                of: tenant.id,
                request: request,
                context: context
            )
        }
    }

    private func connectionValues(_ connection: LexofficeConnection, page: ConsolePageContext) -> [String: Any] {
        ConsoleValues.compact([
            "statusLabel": connectionLabel(connection, page: page),
            "tone": connection.status == .connected ? "good" : "warn",
            "companyName": connection.companyName,
            "kindLabel": page.text(connection.kind == .apiKey ? "kinds.apiKey" : "kinds.oauth"),
            "connectedAt": page.format.dateTime(connection.connectedAt),
            "statusReason": connection.statusReason,
        ])
    }

    private func connectionLabel(_ connection: LexofficeConnection, page: ConsolePageContext) -> String {
        connection.status == .connected
            ? "✓ " + page.text("status.connected") : "⚠ " + page.text("status.reconnectNeeded")
    }

    /// The activation date of the form (`YYYY-MM-DD`, midnight in the tenant's zone), `nil` when none was given.
    /// - Throws: ``ConsoleFailure`` `validation-failed` naming `field` when it is no such day.
    static func activationDate(
        _ text: String?,
        format: ConsoleFormat,
        field: String = "since"
    ) throws(ConsoleFailure) -> Date? {
        guard let text else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = format.timeZone
        guard parts.count == 3,
            let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
        else { throw ConsoleFailure(code: "validation-failed", fields: [field]) }
        return date
    }
}
