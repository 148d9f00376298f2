import Foundation
import KontorCore
import LexofficeKit

/// Looks in lexoffice for an invoice or credit note the hub sent without learning the outcome (DESIGN.md §5):
/// every page of the voucherlist narrowed to the type, contact, voucher date and creation day, oldest first; each
/// candidate created since the request was sent (less a margin for clocks) that no transfer adopted already is
/// read and compared by its ``DocumentSignature``.
///
/// Look-alike invoices (same contact, day and lines, which a source may well have twice on one day) have the same
/// signature. Each adopts a different document: the oldest one not adopted yet, and since a tenant's transfers
/// run one at a time, a second look-alike in doubt never takes the first one's document.
struct SalesDocumentFinder: Sendable {
    let records: any TransferRecords

    /// How far a document's creation time may lie before the request's, for clocks that disagree.
    static let clockMargin: TimeInterval = 300

    /// The id of the document matching `signature`, or `nil` when lexoffice holds none.
    /// - Parameters:
    ///   - sentAt: when the request was sent; documents created more than ``clockMargin`` earlier are not
    ///     candidates.
    ///   - read: reads a candidate's signature.
    func find(
        _ type: VoucherType,
        signature: DocumentSignature,
        contactID: LexofficeID?,
        voucherDate: LexofficeDateTime,
        sentAt: Date,
        tenant: TenantID,
        client: LexofficeClient,
        read: @Sendable (LexofficeID) async throws -> DocumentSignature
    ) async throws -> LexofficeID? {
        let earliest = sentAt.addingTimeInterval(-Self.clockMargin)
        let filter = VoucherListFilter(
            voucherTypes: .only([type]),
            voucherStatuses: .any,
            contactID: contactID,
            voucherDateFrom: voucherDate.localDay,
            voucherDateTo: voucherDate.localDay,
            createdDateFrom: LexofficeDateTime(earliest.addingTimeInterval(-86_400)).localDay
        )
        let candidates = try client.voucherList.pages(filter, sort: .ascending(.createdDate)).elements
        for try await item in candidates where (item.createdDate?.date ?? .distantPast) >= earliest {
            guard try await !records.isRecorded(item.id.rawValue, of: tenant) else { continue }
            if try await read(item.id) == signature { return item.id }
        }
        return nil
    }
}
