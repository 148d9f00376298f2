import EInvoiceKit
import Foundation
import KontorCore
import LexofficeKit
import Synchronization

/// Forwards a document a partner posted to a tenant's inbox into the tenant's lexoffice exactly once (DESIGN.md §1
/// flow 4, §5; issue 26), as the job ``ForwardingJob`` asks:
///
/// 1. Nothing happens for a document that is not `pending`. A document of a tenant that is inactive (the tenant's
///    own activation, `POST …/deactivate`) is `skipped` with that reason, as the invoice transfer skips what a
///    deactivated tenant receives; activated again, `POST …/documents/{id}/retry` sends it.
/// 2. While forwarding is switched off hub-wide (``HubForwardingSwitch``, read at each job) or in the tenant's
///    forwarding settings, the document stays `pending` with the reason it waits; it is queued again when forwarding
///    is switched on.
/// 3. A document approved or sent before the tenant's forwarding `activeSince` is `skipped` with that reason.
/// 4. In mode `read`, a structured e-invoice (XRechnung UBL/CII, ZUGFeRD/Factur-X) is read with ``EInvoiceReader``
///    and becomes a bookkeeping voucher (``VoucherPlan``): the other party's contact found or created
///    (``PartyContact``), the voucher created with the invoice number, the original attached. An e-invoice that
///    does not read (invalid XML, totals that do not reconcile) or that lexoffice's vouchers cannot take as it is,
///    is uploaded as a plain file with the reason kept.
/// 5. Anything else (scans, images, plain PDFs; every document in mode `upload`) goes to `POST /v1/files` for
///    lexoffice's own recognition. A content the tenant forwarded before (same SHA-256) is not sent again.
///
/// Requests per document: a voucher with a known contact 3 (contact search, create, attach), a new contact 4 plus,
/// for a party with a VAT id, up to 4 pages of the contact list (``PartyContact``); an upload 1. The end of each
/// document is committed with its callback to the source (`document.forwarded`, `document.skipped`,
/// `document.failed`). Each write is a ``DocumentStepRunner`` step: a voucher create in doubt is looked up by its
/// `voucherNumber` before it is sent again; an upload or attachment in doubt is sent again, which lexoffice
/// deduplicates by checksum.
package struct DocumentForwarding: JobHandler {
    private let records: any ForwardingRecords
    private let tenants: any TenantLookup
    private let connections: any LexofficeConnections
    private let hubSwitch: any HubForwardingSwitch
    private let runner: StepRunner
    private let reader = EInvoiceReader()

    /// A forwarding on `records`, reaching lexoffice through `connections`, switched hub-wide by `hubSwitch`; a write
    /// in doubt is looked up after `reconciliationDelay` and once more after `reconciliationWindow`.
    package init(
        records: any ForwardingRecords,
        tenants: any TenantLookup,
        connections: any LexofficeConnections,
        hubSwitch: any HubForwardingSwitch,
        reconciliationDelay: Duration = .seconds(10),
        reconciliationWindow: Duration = .seconds(60)
    ) {
        self.records = records
        self.tenants = tenants
        self.connections = connections
        self.hubSwitch = hubSwitch
        runner = StepRunner(
            reconciliationDelay: reconciliationDelay,
            reconciliationWindow: max(reconciliationWindow, reconciliationDelay)
        )
    }

    /// Runs a ``ForwardingJob``.
    package func handle(_ job: Job) async -> JobOutcome {
        guard let request = ForwardingJob(payload: job.payload) else {
            return .failed(reason: "the queued forwarding is not readable")
        }
        guard let claim = job.claim else {
            return .retry(reason: "the job was handed over without its tenant lease")
        }
        do {
            try await forward(request.sourceId, of: job.tenantID, under: claim)
            return .completed
        } catch {
            return await outcome(of: error, documentID: request.sourceId, job: job, claim: claim)
        }
    }

    /// What the queue does after `error`; a failure that retrying cannot fix, and the last attempt, end the
    /// document as `failed` with the reason (a retry through the hub API starts it again).
    private func outcome(of error: any Error, documentID: String, job: Job, claim: JobClaim) async -> JobOutcome {
        do {
            guard let document = try await records.document(documentID, of: job.tenantID) else {
                return .failed(reason: "the document no longer exists")
            }
            switch TransferDisposition(error, reconciliationDelay: runner.reconciliationDelay) {
            case .retry(let reason, let after) where job.mayRetry(at: Date()):
                return .retry(reason: reason, after: after)
            case .retry(let reason, _):
                let final = "\(reason) (gave up after \(job.attempts) attempts)"
                try await records.end(document, in: .failed, reason: final, under: claim)
                return .failed(reason: final)
            case .pause(let reason):
                return .pauseTenant(reason: reason)
            case .fail(let reason), .skip(let reason):
                try await records.end(document, in: .failed, reason: reason, under: claim)
                return .failed(reason: reason)
            case .abandon(let reason):
                return .retry(reason: reason)
            }
        } catch {
            return .retry(reason: "the forwarding's end could not be recorded: \(error)")
        }
    }

    private func forward(_ documentID: String, of tenantID: TenantID, under claim: JobClaim) async throws {
        guard let tenant = try await tenants.tenant(tenantID) else {
            throw FlowProblem(.unknownTenant, "the tenant no longer exists")
        }
        guard let document = try await records.document(documentID, of: tenantID), document.state == .pending else {
            return
        }
        guard tenant.isActive else {
            let reason = "the tenant is inactive; activate it, then retry the document"
            try await records.end(document, in: .skipped, reason: reason, under: claim)
            return
        }
        guard try await hubSwitch.isForwardingActive() else {
            let reason = "forwarding is switched off for the whole hub; the document waits until it is switched on"
            try await records.noteWaiting(document, reason: reason, under: claim)
            return
        }
        let settings = try await records.settings(of: tenantID)
        guard settings.isActive else {
            let reason = "forwarding is not active for the tenant; the document waits until it is activated"
            try await records.noteWaiting(document, reason: reason, under: claim)
            return
        }
        guard settings.covers(document.releasedAt) else {
            let moment = document.direction == .incoming ? "approved" : "sent"
            let since = settings.activeSince.map { $0.formatted(.iso8601) } ?? ""
            let reason =
                "\(moment) at \(document.releasedAt.formatted(.iso8601)), before forwarding was activated at \(since)"
            try await records.end(document, in: .skipped, reason: reason, under: claim)
            return
        }
        // The connection first: without one the tenant pauses and the document stays pending.
        let client = try await connections.client(for: tenantID)
        guard let content = try await records.content(of: document) else {
            throw FlowProblem(.documentMissing, "the document's content is no longer stored")
        }
        // The same content forwarded before for another document of the tenant is not sent again (unless this
        // document already started its own writes).
        if try await records.steps(of: document).isEmpty,
            var earlier = try await records.forwardedContent(sha256: document.sha256, of: tenantID)
        {
            earlier.note = "the same content was forwarded before; not sent to lexoffice again"
            try await records.complete(document, with: earlier, under: claim)
            return
        }
        let steps = DocumentStepRunner(records: records, claim: claim, runner: runner)
        let outcome: ForwardingOutcome
        switch try read(content, of: document, settings: settings) {
        case .voucher(let plan, let invoice):
            outcome = try await voucher(plan, invoice, of: document, content: content, steps: steps, client: client)
        case .file(let note):
            outcome = try await upload(content, of: document, note: note, steps: steps, client: client)
        }
        try await records.complete(document, with: outcome, under: claim)
    }

    /// How a document goes to lexoffice: as a voucher Kontor builds, or as a file (with the reason, when it is an
    /// e-invoice that could not be built).
    private enum Route {
        case voucher(VoucherPlan, EInvoice)
        case file(note: String?)
    }

    private func read(_ content: Data, of document: ForwardedDocument, settings: ForwardingSettings) throws -> Route {
        guard settings.mode == .read else {
            return .file(note: "uploaded as it is (the tenant's forwarding mode is 'upload')")
        }
        guard document.mediaType == "application/xml" || document.mediaType == "application/pdf" else {
            return .file(note: nil)
        }
        let invoice: EInvoice
        do {
            invoice = try reader.read(content)
        } catch {
            if error.code == .noEmbeddedInvoice { return .file(note: nil) }
            let detail = error.detail.hasSuffix(".") ? String(error.detail.dropLast()) : error.detail
            return .file(note: "not read as an e-invoice (\(error.code)\(Self.context(of: error))): \(detail)")
        }
        do {
            return .voucher(try VoucherPlan(invoice, direction: document.direction, settings: settings), invoice)
        } catch {
            return .file(note: "read as an e-invoice, but uploaded as a file: \(error.reason)")
        }
    }

    private static func context(of error: EInvoiceError) -> String {
        [error.field, error.rule].compactMap { $0 }.map { " " + $0 }.joined()
    }

    /// Creates the voucher of a read e-invoice and attaches the original.
    private func voucher(
        _ plan: VoucherPlan,
        _ invoice: EInvoice,
        of document: ForwardedDocument,
        content: Data,
        steps: DocumentStepRunner,
        client: LexofficeClient
    ) async throws -> ForwardingOutcome {
        let party = document.direction == .incoming ? invoice.seller : invoice.buyer
        let contactID = try await PartyContact(client: client, steps: steps)
            .contact(for: party, direction: document.direction, of: document)
        let body = plan.voucher(contactID: contactID, remark: document.note)
        let records = records
        let voucherID = try await steps.run(
            .voucher,
            fingerprint: TransferFingerprint.of(body),
            of: document,
            find: { _ in
                try await client.unrecordedVoucher(of: body.type, numbered: plan.number) {
                    try await records.isRecorded($0.rawValue, of: document.tenantID)
                }
            },
            send: { try await client.vouchers.create(body).id }
        )
        let file = try FileUpload(data: content, fileName: Self.uploadName(of: document))
        let fileID = try await steps.run(
            .attachment,
            fingerprint: document.sha256,
            of: document,
            find: { _ in nil },
            send: { try await client.vouchers.attachFile(file, to: voucherID).id }
        )
        return ForwardingOutcome(
            voucherID: voucherID.rawValue,
            fileID: fileID.rawValue,
            note: "read as an e-invoice (\(invoice.source.syntax)): voucher \(plan.number) created, original attached"
        )
    }

    /// Uploads the original for lexoffice's own recognition, once per content and tenant.
    private func upload(
        _ content: Data,
        of document: ForwardedDocument,
        note: String?,
        steps: DocumentStepRunner,
        client: LexofficeClient
    ) async throws -> ForwardingOutcome {
        let file = try FileUpload(data: content, fileName: Self.uploadName(of: document))
        let voucherID = Mutex<String?>(nil)
        let fileID = try await steps.run(
            .upload,
            fingerprint: document.sha256,
            of: document,
            find: { _ in nil },
            send: {
                let result = try await client.files.upload(file)
                voucherID.withLock { $0 = result.voucherId?.rawValue }
                return result.id
            }
        )
        return ForwardingOutcome(
            voucherID: voucherID.withLock { $0 },
            fileID: fileID.rawValue,
            note: [note, "uploaded for lexoffice's recognition"].compactMap { $0 }.joined(separator: "; ")
        )
    }

    /// The file name sent to lexoffice: the source's when it ends in an extension of the recognized media type and
    /// holds nothing a header cannot carry, else `document.<extension>`.
    static func uploadName(of document: ForwardedDocument) -> String {
        let extensions = FileUpload.contentTypes.filter { $0.value == document.mediaType }.keys.sorted()
        let name = document.fileName
        let hasExtension = extensions.contains { name.lowercased().hasSuffix("." + $0) }
        let isPlain = !name.unicodeScalars.contains { "\"\r\n/\\".unicodeScalars.contains($0) }
        if hasExtension, isPlain { return name }
        return "document." + (extensions.first { $0 != "jpeg" } ?? "pdf")
    }
}
