import Foundation
import KontorCore
import LexofficeKit

/// The backfill of a tenant's archive (job kind ``jobKind``, queued by `POST …/archive/backfill`): the voucherlist
/// of the range is read page by page (250 documents per request, finalized ones of the chosen types), and each
/// page's documents are queued for ``DocumentArchiving`` together with the progress, so a crash or a lost lease
/// resumes at the page it was on without queuing a document twice. Together with the two requests each document
/// costs, that keeps to lexoffice's pace with no request to spare.
///
/// lexoffice pages through at most 10,000 entries of a list; a larger range stops there, its job failed with that
/// reason (back-fill it in smaller ranges). Dunnings are not in the voucherlist and are not back-filled.
package struct ArchiveBackfill: JobHandler {
    /// The job kind.
    package static let jobKind = "archive.backfill"

    private let records: any ArchiveRecords
    private let connections: any LexofficeConnections

    /// A backfill recording into `records`, listing through `connections`.
    package init(records: any ArchiveRecords, connections: any LexofficeConnections) {
        self.records = records
        self.connections = connections
    }

    /// The voucherlist types of the archive's document types.
    package static func voucherTypes(_ types: [ArchiveDocumentType]) -> [VoucherType] {
        types.flatMap { type -> [VoucherType] in
            switch type {
            case .invoice: [.invoice]
            case .creditNote: [.creditNote]
            case .orderConfirmation: [.orderConfirmation]
            case .quotation: [.quotation]
            case .deliveryNote: [.deliveryNote]
            case .dunning: []  // the voucherlist does not list dunnings; they arrive by webhook only
            case .downPaymentInvoice: [.downPaymentInvoice]
            case .voucher: [.salesInvoice, .salesCreditNote]
            }
        }
    }

    /// The archive's document type of a voucherlist entry's type, `nil` for types it does not archive.
    package static func documentType(of voucherType: VoucherType) -> ArchiveDocumentType? {
        switch voucherType {
        case .salesInvoice, .salesCreditNote: .voucher
        default: ArchiveDocumentType(rawValue: voucherType.rawValue)
        }
    }

    package func handle(_ job: Job) async -> JobOutcome {
        guard let claim = job.claim else {
            return .retry(reason: "the job was handed over without its tenant lease")
        }
        do {
            try await run(for: job.tenantID, under: claim)
            return .completed
        } catch {
            switch TransferDisposition(error, reconciliationDelay: .zero) {
            case .retry(let reason, let after) where job.mayRetry(at: Date()):
                return .retry(reason: reason, after: after)
            case .retry(let reason, _), .fail(let reason), .skip(let reason): return .failed(reason: reason)
            case .pause(let reason): return .pauseTenant(reason: reason)
            case .abandon(let reason): return .retry(reason: reason)
            }
        }
    }

    private func run(for tenant: TenantID, under claim: JobClaim) async throws {
        guard let settings = try await records.settings(of: tenant), settings.isActive else { return }
        let types = Self.voucherTypes(settings.documentTypes)
        guard !types.isEmpty else { return }
        let client = try await connections.client(for: tenant)
        while let progress = try await records.backfill(of: tenant), progress.finishedAt == nil {
            let size = PageRequest.maxSize
            guard (progress.nextPage + 1) * size <= PageRequest.searchWindow else {
                throw FlowProblem(
                    .backfillTooLarge,
                    "lexoffice lists at most \(PageRequest.searchWindow) documents; back-fill smaller date ranges"
                )
            }
            let filter = VoucherListFilter(
                voucherTypes: .only(types),
                voucherStatuses: .any,
                voucherDateFrom: progress.from,
                voucherDateTo: progress.to
            )
            let page = try await client.voucherList.page(
                filter,
                sort: .ascending(.voucherDate),
                page: try PageRequest(page: progress.nextPage, size: size)
            )
            let requests = page.content.compactMap { entry -> ArchiveRequest? in
                guard entry.voucherStatus != .draft, let type = Self.documentType(of: entry.voucherType) else {
                    return nil
                }
                return ArchiveRequest(lexofficeID: entry.id.rawValue, type: type, isBackfill: true)
            }
            try await records.recordBackfillPage(
                progress.nextPage,
                of: max(page.totalPages ?? 1, 1),
                requests: requests,
                tenant: tenant,
                under: claim
            )
        }
    }
}
