import Foundation
import HTTPTypes
import HashTreeCollections
import Hummingbird
import LexofficeKit

/// `/v1/files` and `POST /v1/vouchers/{id}/files`: upload, attach and download bookkeeping receipts, answering
/// errors in the legacy shape.
struct FileRoutes {
    let api: SandboxAPI

    func register<Context: RequestContext>(on routes: SandboxRouteTable<Context>) {
        routes.add(.post, "v1/files", shape: .legacy) { call, _ in try await upload(call) }
        routes.add(.get, "v1/files/:id", shape: .legacy) { call, context in
            try download(call, id: try call.pathID(context, what: "File"))
        }
        routes.add(.get, "v1/files/:id/status", shape: .legacy) { call, context in
            try status(call, id: try call.pathID(context, what: "File"))
        }
        routes.add(.post, "v1/vouchers/:id/files", shape: .legacy) { call, context in
            try await attach(call, to: try call.pathID(context, what: "Voucher"))
        }
    }

    /// `POST /v1/files`: stores a receipt and creates a `purchaseinvoice` voucher in status `blank` for it; the
    /// same content uploaded again answers the existing ids.
    private func upload(_ call: APICall) async throws -> Response {
        let form = try await ReceiptUpload.form(of: call)
        guard let type = form.part(named: "type"), String(decoding: type.data, as: UTF8.self) == "voucher" else {
            // Observed live: a bare JSON string, not an IssueList.
            return SandboxResponses.bytes(
                Data(#""Invalid or missing upload type.""#.utf8),
                status: .badRequest,
                contentType: "application/json"
            )
        }
        let upload = try ReceiptUpload(from: form)
        let now = call.now
        let result = try call.state.write(call.organizationID) { organization -> FileUploadResult in
            try upload.checkAccepted(by: organization)
            let duplicates = organization.files.values.filter { $0.checksum == upload.checksum }
            if let existing = duplicates.min(by: Self.earlier) {
                return FileUploadResult(id: existing.id, voucherId: existing.voucherID)
            }
            let fileID = LexofficeID.random()
            let voucherID = LexofficeID.random()
            organization.files[fileID] = upload.file(id: fileID, voucherID: voucherID, now: now)
            // `blank` until the simulated OCR finishes (scheduled below).
            organization.vouchers[voucherID] = Voucher(
                type: .purchaseInvoice,
                taxType: .gross,
                voucherStatus: .blank,
                useCollectiveContact: false,
                files: [fileID],
                version: 1,
                id: voucherID,
                organizationId: organization.id,
                createdDate: now,
                updatedDate: now
            )
            return FileUploadResult(id: fileID, voucherId: voucherID)
        }
        if let voucherID = result.voucherId {
            let state = call.state
            let organizationID = call.organizationID
            api.scheduler.schedule(after: api.configuration.ocrDuration) {
                _ = try? state.write(organizationID) { organization in
                    VoucherRoutes.finishOCR(of: voucherID, in: &organization, at: state.clock.timestamp)
                }
            }
        }
        return try SandboxResponses.json(result, status: .accepted)
    }

    /// `POST /v1/vouchers/{id}/files`: attaches a receipt; the same content on the same voucher answers the
    /// existing file's id. No `type` part is needed.
    private func attach(_ call: APICall, to voucherID: LexofficeID) async throws -> Response {
        try call.state.read(call.organizationID) { organization in
            guard organization.vouchers[voucherID] != nil else { throw SandboxProblem.notFound("Voucher") }
        }
        let upload = try ReceiptUpload(from: try await ReceiptUpload.form(of: call))
        let now = call.now
        let fileID = try call.state.write(call.organizationID) { organization -> LexofficeID in
            var voucher = try organization.vouchers[voucherID].orThrow(.notFound("Voucher"))
            try upload.checkAccepted(by: organization)
            let attached = (voucher.files ?? []).compactMap { organization.files[$0] }
            if let existing = attached.first(where: { $0.checksum == upload.checksum }) { return existing.id }
            let fileID = LexofficeID.random()
            organization.files[fileID] = upload.file(id: fileID, voucherID: voucherID, now: now)
            // The voucher's `files` changed: a new version makes a PUT based on the old list (which would
            // delete the new file) fail with 409 instead.
            voucher.files = (voucher.files ?? []) + [fileID]
            voucher.version = (voucher.version ?? 1) + 1
            voucher.updatedDate = now
            organization.vouchers[voucherID] = voucher
            organization.emit(.voucherChanged, voucherID, at: now)
            return fileID
        }
        return try SandboxResponses.json(FileUploadResult(id: fileID), status: .accepted)
    }

    /// `GET /v1/files/{id}`: the stored bytes in the representation `Accept` selects, named `{id}.{ext}`.
    private func download(_ call: APICall, id: LexofficeID) throws -> Response {
        let organization = try call.state.read(call.organizationID) { $0 }
        if let record = organization.salesVouchers.values.first(where: {
            $0.document.common.files?.documentFileId == id
        }) {
            return try renderedDocument(record, call: call, organization: organization)
        }
        let file = try organization.files[id].orThrow(.notFound("File"))
        let kind = try FileRepresentation.kind(forAccept: call.request.headers[.accept], original: file.kind)
        return SandboxResponses.bytes(
            file.data,
            contentType: kind.mediaType,
            extraHeaders: [(.contentDisposition, "attachment; filename=\"\(file.downloadName)\"")]
        )
    }

    /// `GET /v1/files/{id}/status`: how far lexoffice is with an uploaded receipt. Only mentioned in the docs,
    /// shape unconfirmed: `{id, voucherId, status}` with `processing` while the voucher is `blank` (OCR runs),
    /// `done` afterwards.
    private func status(_ call: APICall, id: LexofficeID) throws -> Response {
        let status = try call.state.read(call.organizationID) { organization -> FileUploadStatus in
            let file = try organization.files[id].orThrow(.notFound("File"))
            let isProcessing = organization.vouchers[file.voucherID]?.voucherStatus == .blank
            return FileUploadStatus(id: id, voucherId: file.voucherID, status: isProcessing ? "processing" : "done")
        }
        return try SandboxResponses.json(status)
    }

    /// The answer of `GET /v1/files/{id}/status`.
    struct FileUploadStatus: Codable, Sendable {
        var id: LexofficeID
        var voucherId: LexofficeID
        var status: String
    }

    /// Orders files by upload time, then id, so deduplication always answers the same file.
    private static func earlier(_ lhs: SandboxFile, _ rhs: SandboxFile) -> Bool {
        if lhs.createdDate != rhs.createdDate { return lhs.createdDate < rhs.createdDate }
        return lhs.id.rawValue < rhs.id.rawValue
    }

    /// A sales voucher's rendered document on the deprecated path: PDF for `*/*` (XRechnung included),
    /// the XML only for `application/xml` of an XRechnung invoice (files.md, "Sales vouchers").
    private func renderedDocument(
        _ record: SalesVoucherRecord,
        call: APICall,
        organization: Organization
    ) throws
        -> Response
    {
        let document = record.document.common
        let accept = (call.request.headers[.accept] ?? "*/*").lowercased()
        let format: SalesDocumentFormat
        if accept.contains("application/xml") {
            guard document.electronicDocumentProfile == .xRechnung else { throw SandboxProblem.notFound("File") }
            format = .xml
        } else if accept.contains("*/*") || accept.contains("application/pdf") || accept.contains("image/") {
            format = .pdf
        } else {
            throw SandboxProblem(status: .notAcceptable, message: "Requested media type is not supported.")
        }
        let data = try SalesDocumentFiles.render(record.document, format: format, organization: organization)
        let name = (document.number ?? "document") + "." + format.fileExtension
        return SandboxResponses.bytes(
            data,
            contentType: format.contentType,
            extraHeaders: [(.contentDisposition, "attachment; filename=\"\(name)\"")]
        )
    }
}
