import Foundation
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore

/// `GET /api/v1/tenants/{t}/customer-changes?after=<cursor>`: the change feed of customers created, changed or
/// deleted in lexoffice (not by the hub), oldest first, each with the full customer. `nextCursor` is the last
/// entry's cursor (or `after` on an empty page): a source that polls with it never misses a change and can resume
/// after any cursor it stored.
struct CustomerChangeRoutes {
    let tenants: TenantStore
    let feed: CustomerFeedStore

    func register(on group: RouterGroup<HubRequestContext>) {
        group.get("tenants/:tenant/customer-changes") { request, context in
            let tenant = try await tenants.requestedTenant(context)
            var after: Int64?
            if let text = request.uri.queryParameters.get("after") {
                guard let cursor = Int64(text), cursor >= 0 else {
                    throw HubProblem.invalid("#/query/after", "is not a cursor of this feed")
                }
                after = cursor
            }
            let changes = try await feed.changes(of: tenant.id, after: after, limit: try Paging.limit(request))
            return try JSONBody.response(
                Page(items: changes, nextCursor: changes.last.map { String($0.cursor) } ?? after.map(String.init))
            )
        }
    }
}
