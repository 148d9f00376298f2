import Foundation
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore

/// `/api/v1/tenants/{t}/documents` (issue 26): partners and source applications post documents for forwarding
/// into the tenant's lexoffice (multipart), read one with its state, reason and step log, list them by state, and
/// retry a failed or skipped one.
///
/// A new document → 202 with its id; the same `externalId` and content again → 200, nothing new; the same
/// `externalId` with other content → 409; over 5 MB → 413; not PDF, PNG, JPEG or XML → 415; invalid fields → 422
/// naming each.
struct DocumentRoutes {
    let tenants: TenantStore
    let documents: ForwardingStore

    func register(on group: RouterGroup<HubRequestContext>) {
        group.post("tenants/:tenant/documents") { request, context in
            let tenant = try await tenants.requestedTenant(context)
            let form = try await DocumentForm.read(request)
            let intake: DocumentIntake
            do {
                intake = try await documents.receive(
                    IncomingDocument(
                        tenantID: tenant.id,
                        externalID: form.externalID,
                        direction: form.direction,
                        releasedAt: form.releasedAt,
                        note: form.note,
                        fileName: form.fileName,
                        mediaType: form.mediaType,
                        content: form.content
                    )
                )
            } catch let error as StoreError where error.code == .duplicate {
                throw HubProblem.conflict(error.detail)
            } catch let error as StoreError where error.code == .unknownTenant {
                throw HubProblem.notFound(error.detail)
            }
            let status: HTTPResponse.Status =
                switch intake {
                case .created: .accepted
                case .unchanged: .ok
                }
            return try JSONBody.response(
                DocumentRepresentation(intake.document),
                status: status,
                location: "/api/v1/tenants/\(tenant.id)/documents/\(intake.document.id)"
            )
        }
        group.get("tenants/:tenant/documents/:document") { _, context in
            let tenant = try await tenants.requestedTenant(context)
            let id = try context.parameters.require("document")
            guard let document = try await documents.document(id, of: tenant.id) else {
                throw HubProblem.notFound("no document '\(id)' was received for this tenant")
            }
            return try JSONBody.response(
                DocumentRepresentation(document, steps: try await documents.steps(of: document))
            )
        }
        group.post("tenants/:tenant/documents/:document/retry") { _, context in
            let tenant = try await tenants.requestedTenant(context)
            let id = try context.parameters.require("document")
            let retried: ForwardedDocument?
            do {
                retried = try await documents.retry(id, of: tenant.id)
            } catch let error as StoreError where error.code == .invalidState {
                throw HubProblem.conflict(error.detail)
            }
            guard let retried else { throw HubProblem.notFound("no document '\(id)' was received for this tenant") }
            return try JSONBody.response(DocumentRepresentation(retried), status: .accepted)
        }
        group.get("tenants/:tenant/documents") { request, context in
            let tenant = try await tenants.requestedTenant(context)
            var state: ForwardingState?
            if let text = request.uri.queryParameters.get("state") {
                guard let known = ForwardingState(rawValue: text) else {
                    let names = ForwardingState.allCases.map(\.rawValue).joined(separator: ", ")
                    throw HubProblem.invalid("#/query/state", "must be one of \(names)")
                }
                state = known
            }
            let limit = try Paging.limit(request)
            let page = try await documents.documents(
                of: tenant.id,
                state: state,
                after: try Paging.integerCursor(request),
                limit: limit
            )
            return try JSONBody.response(
                Page(
                    items: page.map { DocumentRepresentation($0) },
                    nextCursor: page.count == limit ? page.last.map { String($0.sequence) } : nil
                )
            )
        }
    }
}
