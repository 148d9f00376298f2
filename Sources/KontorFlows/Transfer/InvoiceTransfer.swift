import Foundation
import KontorCore
import LexofficeKit

/// Transfers a stored source invoice into lexoffice exactly once (DESIGN.md §1 flow 1, §5), as the job
/// ``TransferJob`` asks:
///
/// 1. The invoice becomes `transferring` (nothing happens for an invoice already transferred, a draft or a skipped
///    one). A tenant deactivated after the invoice was queued ends it `failed` with that reason, so its export
///    finishes; a retry or a new export after the activation sends it.
/// 2. A cancellation needs its original in lexoffice: an original not transferred yet is transferred first.
/// 3. The customer's contact is resolved (``ContactResolver``).
/// 4. The invoice is created as draft or finalized (tenant setting), a cancellation as a credit note in the same
///    mode, linked to the original; then read back once for its number, status and totals. An original that is
///    still a lexoffice draft (lexoffice links credit notes only to finalized invoices) is read once more: finalized
///    meanwhile, its number is written back and the credit note linked; still a draft, the credit note goes out on
///    its own, naming the original's number in its introduction.
/// 5. `transferred` is committed with the activity entry and the `invoice.transferred` callback.
///
/// Requests per invoice with a known contact: 2 (create, read back); a new contact adds 2 (create, read its
/// customer number). Every create is a ``TransferStepRunner`` step, so a retry after an unknown outcome looks the
/// document up instead of creating it again.
///
/// In the `voucher` variant step 4 is a bookkeeping voucher with the source's number and PDF
/// (``VoucherTransfer``): 2 requests, no read-back.
package struct InvoiceTransfer: JobHandler {
    private let records: any TransferRecords
    private let tenants: any TenantLookup
    private let connections: any LexofficeConnections
    private let reconciliationDelay: Duration
    private let reconciliationWindow: Duration

    /// A transfer on `records`, reading tenants from `tenants`, reaching lexoffice through `connections`.
    /// - Parameters:
    ///   - reconciliationDelay: how long after a write with an unknown outcome its document is looked for
    ///     (lexoffice's lists may lag behind its writes); also the least wait before that retry.
    ///   - reconciliationWindow: how long after the write it is looked for once more, when the first look missed
    ///     it, before it is sent again.
    package init(
        records: any TransferRecords,
        tenants: any TenantLookup,
        connections: any LexofficeConnections,
        reconciliationDelay: Duration = .seconds(10),
        reconciliationWindow: Duration = .seconds(60)
    ) {
        self.records = records
        self.tenants = tenants
        self.connections = connections
        self.reconciliationDelay = reconciliationDelay
        self.reconciliationWindow = max(reconciliationWindow, reconciliationDelay)
    }

    /// Runs a ``TransferJob``.
    package func handle(_ job: Job) async -> JobOutcome {
        guard let request = TransferJob(payload: job.payload) else {
            return .failed(reason: "the queued transfer is not readable")
        }
        guard let claim = job.claim else {
            return .retry(reason: "the job was handed over without its tenant lease")
        }
        do {
            try await transfer(request.sourceId, of: job.tenantID, under: claim, originalFirst: true)
            return .completed
        } catch {
            return await outcome(of: error, sourceID: request.sourceId, job: job, claim: claim)
        }
    }

    /// What the queue does after `error`. A failure that retrying cannot fix, and the last attempt, end the
    /// invoice's transfer as `failed` with the reason (a retry through the hub API starts it again).
    private func outcome(of error: any Error, sourceID: String, job: Job, claim: JobClaim) async -> JobOutcome {
        do {
            switch TransferDisposition(error, reconciliationDelay: reconciliationDelay) {
            case .retry(let reason, let after) where job.mayRetry(at: Date()):
                return .retry(reason: reason, after: after)
            case .retry(let reason, _):
                let final = "\(reason) (gave up after \(job.attempts) attempts)"
                try await records.fail(sourceID, of: job.tenantID, reason: final, under: claim)
                return .failed(reason: final)
            case .pause(let reason):
                return .pauseTenant(reason: reason)
            case .fail(let reason):
                try await records.fail(sourceID, of: job.tenantID, reason: reason, under: claim)
                return .failed(reason: reason)
            case .skip(let reason):
                try await records.skip(sourceID, of: job.tenantID, reason: reason, under: claim)
                return .completed
            case .abandon(let reason):
                return .retry(reason: reason)
            }
        } catch {
            return .retry(reason: "the transfer's end could not be recorded: \(error)")
        }
    }

    /// Transfers the tenant's invoice `sourceID` unless there is nothing to do.
    private func transfer(
        _ sourceID: String,
        of tenantID: TenantID,
        under claim: JobClaim,
        originalFirst: Bool
    ) async throws {
        guard let tenant = try await tenants.tenant(tenantID) else {
            throw FlowProblem(.unknownTenant, "the tenant no longer exists")
        }
        guard tenant.isActive else {
            throw FlowProblem(
                .tenantInactive,
                "the tenant was deactivated before the invoice was sent; activate it, then retry or export again"
            )
        }
        // The connection first: without one the tenant pauses, and the invoice must not look sent meanwhile.
        let client = try await connections.client(for: tenantID)
        guard let invoice = try await records.begin(sourceID, of: tenantID, under: claim) else { return }
        let source = try Self.decode(invoice)
        let variant = tenant.settings.transferVariant
        let preceding = try await invoice.cancels.asyncMap {
            try await original($0, of: tenantID, under: claim, originalFirst, variant: variant, client: client)
        }
        let steps = TransferStepRunner(
            records: records,
            claim: claim,
            runner: StepRunner(
                reconciliationDelay: reconciliationDelay,
                reconciliationWindow: reconciliationWindow
            )
        )
        let contact = try await ContactResolver(records: records, steps: steps)
            .contact(for: source.customer, of: invoice, client: client)
        let result: TransferResult
        switch variant {
        case .voucher:
            result = try await VoucherTransfer(records: records, steps: steps, client: client)
                .voucher(source, of: invoice, contact: contact, isCancellation: preceding != nil)
        case .invoice:
            let documents = SalesDocumentTransfer(records: records, steps: steps, client: client)
            if let preceding {
                result = try await documents.creditNote(
                    source,
                    of: invoice,
                    contact: contact,
                    cancelling: preceding,
                    finalize: tenant.settings.finalizeInvoices
                )
            } else {
                result = try await documents.invoice(
                    source,
                    of: invoice,
                    contact: contact,
                    finalize: tenant.settings.finalizeInvoices
                )
            }
        }
        try await records.complete(invoice, with: result, under: claim)
    }

    /// The lexoffice document of the invoice a cancellation cancels, transferring it first when it is still to go.
    private func original(
        _ sourceID: String,
        of tenant: TenantID,
        under claim: JobClaim,
        _ transferFirst: Bool,
        variant: TransferVariant,
        client: LexofficeClient
    ) async throws -> CancelledOriginal {
        guard var original = try await records.invoice(sourceID, of: tenant) else {
            throw FlowProblem(.unknownOriginal, "the cancelled invoice '\(sourceID)' is not stored")
        }
        if transferFirst, TransferTransition.resumable.contains(original.transferState) {
            do {
                try await transfer(sourceID, of: tenant, under: claim, originalFirst: false)
            } catch let problem as FlowProblem {
                // The original ends as its own job would have ended it; the cancellation follows below.
                switch TransferDisposition(problem, reconciliationDelay: reconciliationDelay) {
                case .fail(let reason): try await records.fail(sourceID, of: tenant, reason: reason, under: claim)
                case .skip(let reason): try await records.skip(sourceID, of: tenant, reason: reason, under: claim)
                default: throw problem
                }
            }
            original = try await records.invoice(sourceID, of: tenant) ?? original
        }
        switch original.transferState {
        case .transferred:
            guard let id = original.lexofficeID else {
                throw FlowProblem(.originalFailed, "the cancelled invoice \(original.number) has no lexoffice id")
            }
            let lexofficeID = try LexofficeID(id)
            guard variant == .invoice, original.lexofficeStatus == VoucherStatus.draft.rawValue else {
                return .linked(lexofficeID)
            }
            return try await draftOriginal(original, lexofficeID, of: tenant, under: claim, client: client)
        case .skipped, .stored:
            throw FlowProblem(
                .originalNotSent,
                "it cancels invoice \(original.number), which is not in lexoffice (\(original.stateReason ?? "not sent"))"
            )
        case .pending, .transferring, .failed:
            throw FlowProblem(
                .originalFailed,
                "the cancelled invoice \(original.number) could not be transferred first: \(original.stateReason ?? "")"
            )
        }
    }

    /// A cancelled invoice the hub sent as a lexoffice draft, read again: finalized meanwhile (its number and status
    /// are written back) it can be linked; still a draft, the credit note names it instead.
    private func draftOriginal(
        _ original: StoredSourceInvoice,
        _ id: LexofficeID,
        of tenant: TenantID,
        under claim: JobClaim,
        client: LexofficeClient
    ) async throws -> CancelledOriginal {
        let current = try await client.invoices.get(id)
        guard let status = current.voucherStatus, status != .draft else {
            return .standalone(number: original.voucherNumber ?? original.number)
        }
        try await records.recordFinalization(
            lexofficeID: id.rawValue,
            voucherNumber: current.voucherNumber,
            status: status.rawValue,
            of: tenant,
            under: claim
        )
        return .linked(id)
    }

    private static func decode(_ invoice: StoredSourceInvoice) throws -> SourceInvoice {
        do {
            var content = invoice.content
            return try content.withUTF8 { try SourceInvoice.decodeJSON(UnsafeRawBufferPointer($0)) }
        } catch {
            throw FlowProblem(.unreadable, "the stored invoice is not readable: \(error)")
        }
    }
}

extension Optional {
    /// The value transformed by an async `transform`, or `nil`.
    fileprivate func asyncMap<Mapped>(_ transform: (Wrapped) async throws -> Mapped) async throws -> Mapped? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
