import Foundation
import HTTPTypes
import HashTreeCollections
import Hummingbird
import LexofficeKit

/// The endpoints of one sales voucher type: create (draft, finalized, pursued), read, render, download.
struct SalesVoucherRoutes<Document: SimulatedSalesDocument> {
    let api: SandboxAPI
    /// Whether the API can create this type (down payment invoices are read-only).
    var isCreatable = true
    /// Whether the deprecated `/document` subresource exists (not for down payment invoices).
    var hasDocumentEndpoint = true

    private var kind: SalesVoucherKind { Document.kind }

    func register<Context: RequestContext>(on routes: SandboxRouteTable<Context>) {
        let base = "v1/" + kind.resource
        if isCreatable {
            routes.add(.post, base, shape: .regular) { call, _ in try await create(call) }
        }
        routes.add(.get, base + "/:id", shape: .regular) { call, context in
            try SandboxResponses.json(try record(call, context).document.common)
        }
        if hasDocumentEndpoint {
            routes.add(.get, base + "/:id/document", shape: .regular) { call, context in try render(call, context) }
        }
        routes.add(.get, base + "/:id/file", shape: .regular) { call, context in try file(call, context) }
    }

    private func create(_ call: APICall) async throws -> Response {
        let body = try await call.jsonBody()
        let dateFailures = SalesVoucherValidation.dateFailures(in: body)
        guard dateFailures.isEmpty else { throw SandboxProblem.validation(dateFailures) }
        let document = try call.decode(Document.self, from: body)
        let finalize = try call.booleanQuery("finalize") ?? false
        var predecessorID: LexofficeID?
        if let text = call.query("precedingSalesVoucherId") {
            guard let id = try? LexofficeID(text) else {
                throw SandboxProblem.badRequest(
                    "Invalid value '\(text)' received for request parameter 'precedingSalesVoucherId'.",
                    parameter: "precedingSalesVoucherId"
                )
            }
            predecessorID = id
        }
        if kind == .dunning, predecessorID == nil {
            throw SandboxProblem.validation([.missing("precedingSalesVoucherId")])
        }
        let builder = SalesVoucherBuilder(
            now: call.now,
            dunningRequiresOverdueInvoice: api.configuration.dunningRequiresOverdueInvoice
        )
        let created = try call.state.write(call.organizationID) { organization -> ActionResult in
            let failures = SalesVoucherValidation(kind: kind, organization: organization).failures(in: document)
            guard failures.isEmpty else { throw SandboxProblem.validation(failures) }
            let id = try builder.create(document, finalize: finalize, predecessorID: predecessorID, in: &organization)
            return ActionResult(
                id: id,
                resourceUri: api.resourceURI(kind.resource, id),
                createdDate: call.now,
                updatedDate: call.now,
                version: 1
            )
        }
        // The id is made inside the write, so a read may just see it before it is hidden: lexoffice's lag is
        // not exact either.
        if let delay = call.replicationDelay { call.state.hide(created.id, for: delay) }
        return try SandboxResponses.actionResult(created, created: true)
    }

    /// `GET …/{id}/document` (deprecated): the rendered file's id; 406 for drafts except dunnings.
    private func render(_ call: APICall, _ context: some RequestContext) throws -> Response {
        let id = try call.pathID(context, what: kind.title)
        let fileID = try call.state.write(call.organizationID) { organization -> LexofficeID in
            var record = try organization.salesVouchers[id].orThrow(.notFound(kind.title))
            guard record.document.common.kind == kind else { throw SandboxProblem.notFound(kind.title) }
            if kind.needsFinalizedDocument, record.document.common.voucherStatus == .draft {
                throw SandboxProblem(status: .notAcceptable, message: "Rendering of draft documents is not supported.")
            }
            if let existing = record.document.common.files?.documentFileId { return existing }
            let fileID = LexofficeID.random()
            record.document.update { $0.files = DocumentFileReference(documentFileId: fileID) }
            organization.salesVouchers[id] = record
            return fileID
        }
        return try SandboxResponses.json(DocumentFileReference(documentFileId: fileID))
    }

    /// `GET …/{id}/file`: the document in the representation `Accept` asks for; 409 for drafts.
    private func file(_ call: APICall, _ context: some RequestContext) throws -> Response {
        let stored = try record(call, context)
        let document = stored.document.common
        if kind.needsFinalizedDocument, document.voucherStatus == .draft {
            throw SandboxProblem.conflict("Documents of drafts cannot be downloaded.")
        }
        let format = try SalesDocumentFormat.negotiate(
            accept: call.request.headers[.accept],
            kind: kind,
            profile: document.electronicDocumentProfile
        )
        let organization = try call.state.read(call.organizationID) { $0 }
        let file = try SalesDocumentFiles.render(stored.document, format: format, organization: organization)
        let name = (document.number ?? document.id?.rawValue ?? "document") + "." + format.fileExtension
        return SandboxResponses.bytes(
            file,
            contentType: format.contentType,
            extraHeaders: [(.contentDisposition, "attachment; filename=\"\(name)\"")]
        )
    }

    private func record(_ call: APICall, _ context: some RequestContext) throws -> SalesVoucherRecord {
        let id = try call.pathID(context, what: kind.title)
        guard call.state.isVisible(id) else { throw SandboxProblem.notFound(kind.title) }
        return try call.state.read(call.organizationID) { organization in
            let record = try organization.salesVouchers[id].orThrow(.notFound(kind.title))
            guard record.document.common.kind == kind else { throw SandboxProblem.notFound(kind.title) }
            return record
        }
    }
}
