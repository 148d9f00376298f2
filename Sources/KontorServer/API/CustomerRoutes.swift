import Foundation
import HTTPTypes
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore

/// `/api/v1/tenants/{t}/customers`: source applications put their customers (canonical JSON), read one with its
/// lexoffice link, sync state and step log, list them by state, and retry a failed or conflicting sync.
///
/// A new customer → 202; the same content again → 200, nothing new; new content → 202; invalid fields → 422 naming
/// each. Customers are stored whatever the tenant's settings; they are synced while its customer sync is active
/// toward lexoffice (activating it queues those waiting).
struct CustomerRoutes {
    let tenants: TenantStore
    let customers: CustomerStore

    /// The largest body of a customer.
    static let maximumBodySize = 64 << 10

    func register(on group: RouterGroup<HubRequestContext>) {
        group.put("tenants/:tenant/customers/:sourceId") { request, context in
            try await save(request, context: context)
        }
        group.get("tenants/:tenant/customers/:sourceId") { _, context in
            let tenant = try await tenants.requestedTenant(context)
            let sourceID = try context.parameters.require("sourceId")
            guard let customer = try await customers.customer(sourceID, of: tenant.id) else {
                throw HubProblem.notFound("no customer with source id '\(sourceID)' was received for this tenant")
            }
            let steps = try await customers.steps(of: customer)
            return JSONBody.response(try CustomerRepresentation(customer, steps: steps))
        }
        group.post("tenants/:tenant/customers/:sourceId/retry") { _, context in
            let tenant = try await tenants.requestedTenant(context)
            let sourceID = try context.parameters.require("sourceId")
            guard let customer = try await customers.retry(sourceID, of: tenant.id) else {
                throw HubProblem.notFound("no customer with source id '\(sourceID)' was received for this tenant")
            }
            return JSONBody.response(try CustomerRepresentation(customer), status: .accepted)
        }
        group.get("tenants/:tenant/customers") { request, context in
            let tenant = try await tenants.requestedTenant(context)
            var state: CustomerSyncState?
            if let text = request.uri.queryParameters.get("state") {
                guard let known = CustomerSyncState(rawValue: text) else {
                    let names = CustomerSyncState.allCases.map(\.rawValue).joined(separator: ", ")
                    throw HubProblem.invalid("#/query/state", "must be one of \(names)")
                }
                state = known
            }
            let limit = try Paging.limit(request)
            let page = try await customers.customers(
                of: tenant.id,
                state: state,
                after: try Paging.integerCursor(request),
                limit: limit
            )
            return JSONBody.response(
                Page(
                    items: try page.map { try CustomerRepresentation($0) },
                    nextCursor: page.count == limit ? page.last.map { String($0.sequence) } : nil
                )
            )
        }
    }

    /// `PUT …/customers/{sourceId}`: validates and stores the customer.
    private func save(_ request: Request, context: HubRequestContext) async throws -> Response {
        let tenant = try await tenants.requestedTenant(context)
        let sourceID = try context.parameters.require("sourceId")
        guard (1...128).contains(sourceID.count) else {
            throw HubProblem.notFound("a source id has 1 to 128 characters")
        }
        let customer = try await JSONBody.decode(
            CanonicalCustomer.self,
            from: request,
            context: context,
            upTo: Self.maximumBodySize
        )
        let issues = customer.validationIssues()
        guard issues.isEmpty else {
            throw HubProblem.validation(issues)
        }
        let saved = try await customers.save(customer, sourceID: sourceID, of: tenant.id)
        let status: HTTPResponse.Status =
            switch saved {
            case .unchanged: .ok
            case .created, .updated: .accepted
            }
        return JSONBody.response(
            try CustomerRepresentation(saved.customer),
            status: status,
            location: "/api/v1/tenants/\(tenant.id)/customers/\(InvoiceRoutes.pathSegment(sourceID))"
        )
    }
}

/// A source customer as the hub API shows it: the customer as the source sent it, its lexoffice link (contact id
/// and lexoffice's customer number), where its sync stands, and for one customer the step log.
struct CustomerRepresentation: CanonicalJSONObject {
    let sourceId: String
    let customer: CanonicalCustomer
    let state: String
    let stateReason: String?
    let lexofficeId: String?
    let customerNumber: String?
    let syncedAt: Date?
    let receivedAt: Date
    let updatedAt: Date
    let version: Int
    let steps: [StepRepresentation]?

    /// The resource of `stored`, with its steps when given.
    init(_ stored: StoredCustomer, steps: [TransferStep]? = nil) throws {
        sourceId = stored.sourceID
        customer = try stored.customer()
        state = stored.state.rawValue
        stateReason = stored.stateReason
        lexofficeId = stored.lexofficeID
        customerNumber = stored.customerNumber
        syncedAt = stored.syncedAt
        receivedAt = stored.receivedAt
        updatedAt = stored.updatedAt
        version = stored.version
        self.steps = steps?.map(StepRepresentation.init)
    }

    /// The members in key order, absent ones left out.
    func writeMembers(to json: inout CanonicalJSONWriter) {
        json.member("customer", customer)
        json.member("customerNumber", customerNumber)
        json.member("lexofficeId", lexofficeId)
        json.member("receivedAt", receivedAt)
        json.member("sourceId", sourceId)
        json.member("state", state)
        json.member("stateReason", stateReason)
        json.member("steps", steps)
        json.member("syncedAt", syncedAt)
        json.member("updatedAt", updatedAt)
        json.member("version", version)
    }
}
