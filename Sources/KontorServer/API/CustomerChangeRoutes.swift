import Foundation
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore

/// `GET /api/v1/tenants/{t}/customer-changes?after=<cursor>`: the change feed of customers created, changed or
/// deleted in lexoffice (not by the hub), oldest first, each with the full customer. `nextCursor` is the last
/// entry's cursor (or `after` on an empty page): a source that polls with it never misses a change and can resume
/// after any cursor it stored. `GET /api/v1/tenants/{t}/customer-first-sync`: the progress of the first sync, which
/// offers every lexoffice customer on the feed once the sync takes lexoffice's side.
struct CustomerChangeRoutes {
    let tenants: TenantStore
    let feed: CustomerFeedStore

    func register(on group: RouterGroup<HubRequestContext>) {
        group.get("tenants/:tenant/customer-changes") { request, context in
            let tenant = try await tenants.requestedTenant(context)
            var after: Int64?
            if let text = request.uri.queryParameters.get("after") {
                guard text.count <= 18, let cursor = Int64(text), cursor >= 0 else {
                    throw HubProblem.invalid("#/query/after", "is not a cursor of this feed")
                }
                after = cursor
            }
            let changes = try await feed.changes(of: tenant.id, after: after, limit: try Paging.limit(request))
            return try JSONBody.response(
                Page(items: changes, nextCursor: changes.last.map { String($0.cursor) } ?? after.map(String.init))
            )
        }
        group.get("tenants/:tenant/customer-first-sync") { _, context in
            let tenant = try await tenants.requestedTenant(context)
            return try JSONBody.response(FirstSyncRepresentation(try await feed.firstSync(of: tenant.id)))
        }
    }
}

/// The progress of a tenant's first customer sync as the hub API shows it (every member, `null` when unset);
/// `notStarted` while the sync has not taken lexoffice's side.
private struct FirstSyncRepresentation: Encodable {
    let progress: FirstSyncProgress?

    init(_ progress: FirstSyncProgress?) { self.progress = progress }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let state = progress.map { $0.finishedAt == nil ? "running" : "finished" } ?? "notStarted"
        try container.encode(state, forKey: .state)
        try container.encode(progress?.startedAt, forKey: .startedAt)
        try container.encode(progress?.nextPage ?? 0, forKey: .pagesDone)
        try container.encode(progress?.totalPages, forKey: .totalPages)
        try container.encode(progress?.offered ?? 0, forKey: .offered)
        try container.encode(progress?.finishedAt, forKey: .finishedAt)
        try container.encode(progress?.finishedAt == nil ? progress?.scanNumber : nil, forKey: .lookingUpNumber)
    }

    private enum CodingKeys: String, CodingKey {
        case state, startedAt, pagesDone, totalPages, offered, finishedAt, lookingUpNumber
    }
}
