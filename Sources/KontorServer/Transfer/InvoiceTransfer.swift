import Foundation
import KontorCore
import KontorStore
import LexofficeKit

/// Transfers a stored source invoice into lexoffice exactly once (DESIGN.md §1 flow 1, §5), as the job
/// ``TransferJob`` asks:
///
/// 1. The invoice becomes `transferring` (nothing happens for an invoice already transferred, a draft or a skipped
///    one). A tenant deactivated after the invoice was queued ends it `failed` with that reason, so its export
///    finishes; a retry or a new export after the activation sends it.
/// 2. A cancellation needs its original in lexoffice: an original not transferred yet is transferred first.
/// 3. The customer's contact is resolved (``ContactResolver``).
/// 4. The invoice is created as draft or finalized (tenant setting), a cancellation as a finalized credit note
///    linked to the original; then read back once for its number, status and totals.
/// 5. `transferred` is committed with the activity entry and the `invoice.transferred` callback.
///
/// Requests per invoice with a known contact: 2 (create, read back); a new contact adds 2 (create, read its
/// customer number). Every create is a ``TransferStepRunner`` step, so a retry after an unknown outcome looks the
/// document up instead of creating it again.
///
/// In the `voucher` variant step 4 is a bookkeeping voucher with the source's number and PDF
/// (``VoucherTransfer``): 2 requests, no read-back.
package struct InvoiceTransfer: Sendable {
    private let invoices: SourceInvoiceStore
    private let ledger: TransferLedger
    private let tenants: TenantStore
    private let clients: TenantLexofficeClients
    private let steps: TransferStepRunner
    private let reconciliationDelay: Duration

    /// A transfer on `queue`'s database, reaching lexoffice through `clients`.
    /// - Parameters:
    ///   - reconciliationDelay: how long after a write with an unknown outcome its document is looked for
    ///     (lexoffice's lists may lag behind its writes); also the least wait before that retry.
    ///   - reconciliationWindow: how long after the write it is looked for once more, when the first look missed
    ///     it, before it is sent again.
    package init(
        queue: JobQueue,
        clients: TenantLexofficeClients,
        reconciliationDelay: Duration = .seconds(10),
        reconciliationWindow: Duration = .seconds(60)
    ) {
        let ledger = TransferLedger(queue: queue)
        self.invoices = SourceInvoiceStore(database: queue.database, clock: queue.clock)
        self.ledger = ledger
        self.tenants = TenantStore(database: queue.database, clock: queue.clock)
        self.clients = clients
        self.steps = TransferStepRunner(
            ledger: ledger,
            reconciliationDelay: reconciliationDelay,
            reconciliationWindow: max(reconciliationWindow, reconciliationDelay)
        )
        self.reconciliationDelay = reconciliationDelay
    }

    /// Runs a ``TransferJob``.
    package func handle(_ job: Job) async -> JobOutcome {
        guard let request = TransferJob(payload: job.payload) else {
            return .failed(reason: "the queued transfer is not readable")
        }
        do {
            try await transfer(request.sourceId, of: job.tenantID, originalFirst: true)
            return .completed
        } catch {
            return await outcome(of: error, sourceID: request.sourceId, job: job)
        }
    }

    /// What the queue does after `error`. A failure that retrying cannot fix, and the last attempt, end the
    /// invoice's transfer as `failed` with the reason (a retry through the hub API starts it again).
    private func outcome(of error: any Error, sourceID: String, job: Job) async -> JobOutcome {
        do {
            switch TransferDisposition(error, reconciliationDelay: reconciliationDelay) {
            case .retry(let reason, let after) where job.attempts < job.maxAttempts:
                return .retry(reason: reason, after: after)
            case .retry(let reason, _):
                let final = "\(reason) (gave up after \(job.attempts) attempts)"
                try await ledger.fail(sourceID, of: job.tenantID, reason: final)
                return .failed(reason: final)
            case .pause(let reason):
                return .pauseTenant(reason: reason)
            case .fail(let reason):
                try await ledger.fail(sourceID, of: job.tenantID, reason: reason)
                return .failed(reason: reason)
            case .skip(let reason):
                try await ledger.skip(sourceID, of: job.tenantID, reason: reason)
                return .completed
            }
        } catch {
            return .retry(reason: "the transfer's end could not be recorded: \(error)")
        }
    }

    /// Transfers the tenant's invoice `sourceID` unless there is nothing to do.
    private func transfer(_ sourceID: String, of tenantID: TenantID, originalFirst: Bool) async throws {
        guard let tenant = try await tenants.tenant(tenantID) else {
            throw TransferProblem.fail("the tenant no longer exists")
        }
        guard tenant.isActive else {
            throw TransferProblem.fail(
                "the tenant was deactivated before the invoice was sent; activate it, then retry or export again"
            )
        }
        // The connection first: without one the tenant pauses, and the invoice must not look sent meanwhile.
        let client = try await clients.client(for: tenantID)
        guard let invoice = try await ledger.begin(sourceID, of: tenantID) else { return }
        let source = try Self.decode(invoice)
        let variant = tenant.settings.transferVariant
        let preceding = try await invoice.cancels.asyncMap {
            try await original($0, of: tenantID, originalFirst, variant: variant)
        }
        let contact = try await ContactResolver(ledger: ledger, steps: steps)
            .contact(for: source.customer, of: invoice, client: client)
        let result: TransferResult
        switch variant {
        case .voucher:
            result = try await VoucherTransfer(ledger: ledger, steps: steps, client: client)
                .voucher(source, of: invoice, contact: contact, isCancellation: preceding != nil)
        case .invoice:
            let documents = SalesDocumentTransfer(ledger: ledger, steps: steps, client: client)
            if let preceding {
                result = try await documents.creditNote(source, of: invoice, contact: contact, cancelling: preceding)
            } else {
                result = try await documents.invoice(
                    source,
                    of: invoice,
                    contact: contact,
                    finalize: tenant.settings.finalizeInvoices
                )
            }
        }
        try await ledger.complete(invoice, with: result)
    }

    /// The lexoffice id of the invoice a cancellation cancels, transferring it first when it is still to go. In the
    /// invoice variant the original must not be a draft (lexoffice links credit notes only to finalized invoices).
    private func original(
        _ sourceID: String,
        of tenant: TenantID,
        _ transferFirst: Bool,
        variant: TransferVariant
    ) async throws -> LexofficeID {
        guard var original = try await invoices.invoice(sourceID, of: tenant) else {
            throw TransferProblem.fail("the cancelled invoice '\(sourceID)' is not stored")
        }
        if transferFirst, [.pending, .failed, .transferring].contains(original.transferState) {
            do {
                try await transfer(sourceID, of: tenant, originalFirst: false)
            } catch let problem as TransferProblem {
                // The original ends as its own job would have ended it; the cancellation follows below.
                switch problem {
                case .fail(let reason): try await ledger.fail(sourceID, of: tenant, reason: reason)
                case .skip(let reason): try await ledger.skip(sourceID, of: tenant, reason: reason)
                }
            }
            original = try await invoices.invoice(sourceID, of: tenant) ?? original
        }
        switch original.transferState {
        case .transferred:
            guard let id = original.lexofficeID else {
                throw TransferProblem.fail("the cancelled invoice \(original.number) has no lexoffice id")
            }
            guard variant == .voucher || original.lexofficeStatus != VoucherStatus.draft.rawValue else {
                throw TransferProblem.fail(
                    "the cancelled invoice \(original.number) is still a draft in lexoffice; finalize or delete it there"
                )
            }
            return try LexofficeID(id)
        case .skipped, .stored:
            throw TransferProblem.skip(
                "it cancels invoice \(original.number), which is not in lexoffice (\(original.stateReason ?? "not sent"))"
            )
        case .pending, .transferring, .failed:
            throw TransferProblem.fail(
                "the cancelled invoice \(original.number) could not be transferred first: \(original.stateReason ?? "")"
            )
        }
    }

    private static func decode(_ invoice: StoredSourceInvoice) throws -> SourceInvoice {
        do {
            var content = invoice.content
            return try content.withUTF8 { try SourceInvoice.decodeJSON(UnsafeRawBufferPointer($0)) }
        } catch {
            throw TransferProblem.fail("the stored invoice is not readable: \(error)")
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
