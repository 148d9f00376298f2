import Foundation
import Hummingbird
import KontorCore
import KontorStore

/// The tenant's activity log, newest first, filtered by kind, paged backwards in time.
struct ConsoleActivityRoutes {
    let tenants: TenantStore
    let activity: ActivityLog
    let renderer: ConsoleRenderer

    static let pageSize = 50

    func register(on group: RouterGroup<HubRequestContext>) {
        group.get("tenants/:tenant/activity") { request, context in
            let (page, tenant) = try await ConsolePageContext.tenantPage(request, context, renderer, tenants)
            let query = request.uri.queryParameters
            let kind = query.get("kind").map { String($0.prefix(100)) }.flatMap { $0.isEmpty ? nil : $0 }
            let before = query.get("before").flatMap { Int64($0) }
            let entries = try await activity.entries(of: tenant.id, before: before, kind: kind, limit: Self.pageSize)
            var base = "/ui/tenants/\(tenant.id)/activity?"
            if let kind { base += "kind=\(kind.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&" }
            return renderer.page(
                "activity",
                ConsoleValues.compact([
                    "tenant": page.tenantValues(tenant), "tabActivity": true, "kind": kind,
                    "entries": entries.map { entry in
                        ["at": page.format.dateTime(entry.at), "kind": entry.kind, "message": entry.message]
                    },
                    "hasEntries": !entries.isEmpty,
                    "newestPage": before == nil ? nil : base,
                    "olderPage": entries.count == Self.pageSize ? base + "before=\(entries.last?.id ?? 0)" : nil,
                ]),
                request: request,
                context: context
            )
        }
    }
}
