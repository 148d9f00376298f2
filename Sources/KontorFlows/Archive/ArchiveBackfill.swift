import Foundation
import KontorCore
import LexofficeKit

/// The backfill of a tenant's archive (job kind ``jobKind``, queued by `POST …/archive/backfill`): the voucherlist
/// of the range is read window by window and page by page (250 documents per request, finalized ones of the chosen
/// types), and each page's documents are queued for ``DocumentArchiving`` together with the progress, so a crash or
/// a lost lease resumes at the window and page it was on without queuing a document twice. Together with the two
/// requests each document costs, that keeps to lexoffice's pace with no request to spare.
///
/// lexoffice pages through at most 10,000 entries of a query, so a window whose first page reports that many is
/// halved (``ArchiveBackfillWindow``; one request more per split) until it holds fewer: any range is archived
/// completely. Only a single day with 10,000 documents or more fails, with that reason. Dunnings are not in the
/// voucherlist and are not back-filled.
package struct ArchiveBackfill: JobHandler {
    /// The job kind.
    package static let jobKind = "archive.backfill"
    /// How many matches of one query make a window split: lexoffice's search window.
    package static let defaultWindowLimit = PageRequest.searchWindow

    private let records: any ArchiveRecords
    private let connections: any LexofficeConnections
    private let windowLimit: Int
    private let pageSize: Int

    /// A backfill recording into `records`, listing through `connections`: a window is split when its query
    /// matches `windowLimit` documents or more (lexoffice's search window of 10,000; smaller in tests), its pages
    /// read `pageSize` documents at a time (at most 250).
    package init(
        records: any ArchiveRecords,
        connections: any LexofficeConnections,
        windowLimit: Int = defaultWindowLimit,
        pageSize: Int = PageRequest.maxSize
    ) {
        self.records = records
        self.connections = connections
        self.windowLimit = min(windowLimit, PageRequest.searchWindow)
        self.pageSize = pageSize
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
            let window = progress.window
            let filter = VoucherListFilter(
                voucherTypes: .only(types),
                voucherStatuses: .any,
                voucherDateFrom: window.from,
                voucherDateTo: window.to
            )
            let page = try await client.voucherList.page(
                filter,
                sort: .ascending(.voucherDate),
                page: try PageRequest(page: progress.nextPage, size: pageSize)
            )
            if progress.nextPage == 0,
                ArchiveBackfillWindow.isTooLarge(totalElements: page.totalElements ?? 0, limit: windowLimit)
            {
                guard let half = window.earlierHalf else {
                    throw FlowProblem(
                        .backfillTooLarge,
                        "lexoffice lists at most \(windowLimit) documents of one query, and \(window.from) alone has "
                            + "that many; it cannot be back-filled"
                    )
                }
                try await records.narrowBackfill(window, to: half, tenant: tenant, under: claim)
                continue
            }
            let requests = page.content.compactMap { entry -> ArchiveRequest? in
                guard entry.voucherStatus != .draft, let type = Self.documentType(of: entry.voucherType) else {
                    return nil
                }
                return ArchiveRequest(lexofficeID: entry.id.rawValue, type: type, isBackfill: true)
            }
            try await records.recordBackfillPage(
                progress.nextPage,
                of: max(page.totalPages ?? 1, 1),
                in: window,
                requests: requests,
                then: window.following(through: progress.to),
                tenant: tenant,
                under: claim
            )
        }
    }
}
