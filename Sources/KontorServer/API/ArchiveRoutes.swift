import Foundation
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore
import LexofficeKit

/// `/api/v1/tenants/{t}/archive`: the tenant's archive settings (secrets write-only), its backfill, its items with
/// their states and a retry, and the rotation of the DMS stamp's secret key. Partner token only.
struct ArchiveRoutes {
    let tenants: TenantStore
    let archive: ArchiveStore
    let change: ArchiveSettingsChange

    func register(on group: RouterGroup<HubRequestContext>) {
        group.get("tenants/:tenant/archive") { _, context in
            let tenant = try await tenants.requestedTenant(context)
            return try JSONBody.response(try await representation(of: tenant.id))
        }
        group.put("tenants/:tenant/archive") { request, context in
            let tenant = try await tenants.requestedTenant(context)
            let body = try await JSONBody.decode(ArchiveSettingsRequest.self, from: request, context: context)
            try await change.save(body, of: tenant.id)
            return try JSONBody.response(try await representation(of: tenant.id))
        }
        group.post("tenants/:tenant/archive/backfill") { request, context in
            let tenant = try await tenants.requestedTenant(context)
            let body = try await JSONBody.decode(BackfillRequest.self, from: request, context: context)
            let (from, to) = try body.validated()
            guard let settings = try await archive.settings(of: tenant.id), settings.isActive else {
                throw HubProblem.conflict("the tenant's archive is not active; activate it before a backfill")
            }
            _ = try await archive.startBackfill(from: from, to: to, of: tenant.id)
            return try JSONBody.response(
                try await representation(of: tenant.id),
                status: .accepted,
                location: "/api/v1/tenants/\(tenant.id)/archive"
            )
        }
        group.get("tenants/:tenant/archive/items") { request, context in
            let tenant = try await tenants.requestedTenant(context)
            var state: ArchiveItemState?
            if let text = request.uri.queryParameters.get("state") {
                guard let known = ArchiveItemState(rawValue: text) else {
                    let values = ArchiveItemState.allCases.map(\.rawValue).joined(separator: ", ")
                    throw HubProblem.invalid("#/query/state", "must be one of \(values)")
                }
                state = known
            }
            let limit = try Paging.limit(request)
            let items = try await archive.items(
                of: tenant.id,
                state: state,
                after: try Paging.integerCursor(request),
                limit: limit
            )
            return try JSONBody.response(
                ArchiveItemPage(
                    items: items.map(ArchiveItemRepresentation.init),
                    nextCursor: items.count == limit ? items.last.map { String($0.id) } : nil
                )
            )
        }
        group.post("tenants/:tenant/archive/items/:item/retry") { _, context in
            let tenant = try await tenants.requestedTenant(context)
            let id = try context.parameters.require("item")
            guard let number = Int64(id), let item = try await archive.retry(number, of: tenant.id) else {
                throw HubProblem.notFound("tenant '\(tenant.id)' has no archive item '\(id)'")
            }
            return try JSONBody.response(ArchiveItemRepresentation(item), status: .accepted)
        }
        group.post("tenants/:tenant/archive/stamp-secret") { _, context in
            let tenant = try await tenants.requestedTenant(context)
            let secret = try await change.rotateStampSecret(of: tenant.id)
            return try JSONBody.response(["secret": secret], status: .created)
        }
    }

    /// The archive as the API shows it.
    private func representation(of tenant: TenantID) async throws -> ArchiveRepresentation {
        ArchiveRepresentation(
            settings: try await archive.settings(of: tenant),
            hasStampSecret: try await archive.hasStampSecret(of: tenant),
            counts: try await archive.counts(of: tenant),
            backfill: try await archive.backfill(of: tenant)
        )
    }
}
