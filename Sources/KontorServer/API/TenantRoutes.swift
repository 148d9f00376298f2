import Foundation
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore

/// `/api/v1/tenants`: create, list, read, change, delete, activate and deactivate tenants; the activity log.
struct TenantRoutes {
    let tenants: TenantStore
    let connections: ConnectionStore
    let connector: LexofficeConnector
    let activity: ActivityLog
    let callbackSecrets: CallbackSecrets
    let forwarding: ForwardingStore
    let dropFolders: DropFolderAssignment
    let clock: any WallClock

    func register(on group: RouterGroup<HubRequestContext>) {
        group.post("tenants") { request, context in
            let body = try await JSONBody.decode(TenantCreateRequest.self, from: request, context: context)
            let created = try await tenants.create(try body.tenant(now: clock.now))
            let secret = try await callbackSecrets.rotate(created.id)
            try await activity.append(created.id, kind: "tenant.created", message: "tenant created")
            return try JSONBody.response(
                TenantRepresentation(created, callbackSecret: secret),
                status: .created,
                location: "/api/v1/tenants/\(created.id)"
            )
        }
        group.get("tenants") { request, context in
            let limit = try Paging.limit(request)
            let page = try await tenants.list(
                after: request.uri.queryParameters.get("cursor").map { TenantID($0) },
                limit: limit
            )
            return try JSONBody.response(
                Page(
                    items: page.map { TenantRepresentation($0) },
                    nextCursor: page.count == limit ? page.last?.id.rawValue : nil
                )
            )
        }
        group.get("tenants/:tenant") { _, context in
            let id = try context.authorizedTenant(try context.parameters.require("tenant"))
            let tenant = try await existing(id)
            return try JSONBody.response(
                TenantRepresentation(tenant, forwarding: try await forwarding.settings(of: id))
            )
        }
        group.patch("tenants/:tenant") { request, context in
            let id = try context.authorizedTenant(try context.parameters.require("tenant"))
            let body = try await JSONBody.decode(TenantPatchRequest.self, from: request, context: context)
            let change = try body.change(now: clock.now)
            var forwardingChange: (@Sendable (inout ForwardingSettings) -> Void)?
            if case .value(let patch) = body.forwarding {
                forwardingChange = try await checkedChange(patch, of: id)
            }
            let updated = try await tenants.update(id, expectedVersion: body.expectedVersion, change)
            let settings: ForwardingSettings
            if let forwardingChange {
                settings = try await forwarding.updateSettings(of: id, forwardingChange)
                try await activity.append(id, kind: "tenant.forwarding", message: "forwarding settings changed")
            } else {
                settings = try await forwarding.settings(of: id)
            }
            return try JSONBody.response(TenantRepresentation(updated, forwarding: settings))
        }
        group.delete("tenants/:tenant") { _, context in
            let id = try context.authorizedTenant(try context.parameters.require("tenant"))
            // Disconnected first, so that lexoffice stops sending the tenant's events and an OAuth2 grant ends
            // with the tenant (both best effort: what fails is a warning in the activity log, which is kept).
            if try await connections.connection(of: id) != nil { try await connector.disconnect(id) }
            guard try await tenants.delete(id) else { throw HubProblem.notFound("tenant '\(id)' does not exist") }
            return Response(status: .noContent)
        }
        group.post("tenants/:tenant/activate") { request, context in
            let id = try context.authorizedTenant(try context.parameters.require("tenant"))
            let since = try await ActivationRequest.since(from: request, context: context) ?? clock.now
            let updated = try await tenants.update(id) { tenant in
                tenant.isActive = true
                tenant.activeSince = since
            }
            try await activity.append(id, kind: "tenant.activated", message: "tenant activated")
            return try JSONBody.response(TenantRepresentation(updated))
        }
        group.post("tenants/:tenant/deactivate") { _, context in
            let id = try context.authorizedTenant(try context.parameters.require("tenant"))
            let updated = try await tenants.update(id) { $0.isActive = false }
            try await activity.append(id, kind: "tenant.deactivated", message: "tenant deactivated")
            return try JSONBody.response(TenantRepresentation(updated))
        }
        group.post("tenants/:tenant/callback-secret") { _, context in
            let id = try context.authorizedTenant(try context.parameters.require("tenant"))
            _ = try await existing(id)
            let secret = try await callbackSecrets.rotate(id)
            try await activity.append(id, kind: "tenant.callback-secret", message: "callback secret replaced")
            return try JSONBody.response(["callbackSecret": secret], status: .created)
        }
        group.get("tenants/:tenant/activity") { request, context in
            let id = try context.authorizedTenant(try context.parameters.require("tenant"))
            _ = try await existing(id)
            let limit = try Paging.limit(request)
            let cursor = try Paging.integerCursor(request)
            let entries = try await activity.entries(
                of: id,
                before: cursor,
                kind: request.uri.queryParameters.get("kind"),
                limit: limit
            )
            return try JSONBody.response(
                Page(items: entries, nextCursor: entries.count == limit ? entries.last.map { String($0.id) } : nil)
            )
        }
    }

    private func existing(_ id: TenantID) async throws -> Tenant {
        guard let tenant = try await tenants.tenant(id) else {
            throw HubProblem.notFound("tenant '\(id)' does not exist")
        }
        return tenant
    }

    /// The change a `forwarding` patch makes, its drop folder checked against the policy and the other tenants'.
    private func checkedChange(
        _ patch: ForwardingPatch,
        of tenant: TenantID
    ) async throws -> @Sendable (inout ForwardingSettings) -> Void {
        let change = try patch.change(now: clock.now)
        guard case .value(let path) = patch.dropFolder else { return change }
        let folder: String
        do {
            folder = try await dropFolders.checked(path, for: tenant)
        } catch let refusal as DropFolderPolicy.Refusal {
            throw HubProblem.invalid("#/forwarding/dropFolder", refusal.description)
        }
        return { settings in
            change(&settings)
            settings.dropFolder = folder
        }
    }
}

/// The optional body of `POST …/activate`: `{"since": "2026-01-01T00:00:00Z"}` (default: now).
enum ActivationRequest {
    private struct Body: Decodable { var since: String? }

    static func since(from request: Request, context: HubRequestContext) async throws -> Date? {
        guard let length = request.headers[.contentLength].flatMap(Int.init), length > 0 else { return nil }
        let body = try await JSONBody.decode(Body.self, from: request, context: context)
        guard let text = body.since else { return nil }
        guard let date = RFC3339.date(from: text) else {
            throw HubProblem.invalid("#/since", "must be an ISO 8601 date-time, e.g. 2026-01-01T00:00:00Z")
        }
        return date
    }
}

/// RFC 3339 date-times as OpenAPI's `date-time` format allows them: with or without fractional seconds, with `Z` or
/// an offset.
enum RFC3339 {
    /// The moment `text` names, or `nil` when it is not an RFC 3339 date-time.
    static func date(from text: String) -> Date? {
        let whole = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return whole.date(from: text) ?? fractional.date(from: text)
    }
}

/// The `limit` and `cursor` query parameters of listings.
enum Paging {
    static func limit(_ request: Request) throws(HubProblem) -> Int {
        guard let text = request.uri.queryParameters.get("limit") else { return 50 }
        guard let limit = Int(text), (1...500).contains(limit) else {
            throw .invalid("#/query/limit", "must be an integer between 1 and 500")
        }
        return limit
    }

    static func integerCursor(_ request: Request) throws(HubProblem) -> Int64? {
        guard let text = request.uri.queryParameters.get("cursor") else { return nil }
        guard text.count <= 18, let cursor = Int64(text), cursor > 0 else {
            throw .invalid("#/query/cursor", "is not a cursor of this listing")
        }
        return cursor
    }

}
