import Foundation
import KontorCore
import LexofficeKit

/// Looks in lexoffice for an invoice or credit note the hub sent without learning the outcome (DESIGN.md §5):
/// the voucherlist narrowed to the type, contact, voucher date and creation time, then each candidate that no
/// other transfer step produced is read and compared by its ``DocumentSignature``.
struct SalesDocumentFinder: Sendable {
    let records: any TransferRecords

    /// The id of the document matching `signature`, or `nil` when lexoffice holds none.
    /// - Parameters:
    ///   - sentAt: when the request was sent; documents created more than 5 minutes earlier are not candidates.
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
        let earliest = sentAt.addingTimeInterval(-300)
        let filter = VoucherListFilter(
            voucherTypes: .only([type]),
            voucherStatuses: .any,
            contactID: contactID,
            voucherDateFrom: voucherDate.localDay,
            voucherDateTo: voucherDate.localDay,
            createdDateFrom: LexofficeDateTime(earliest.addingTimeInterval(-86_400)).localDay
        )
        let page = try await client.voucherList.page(filter, page: try PageRequest(page: 0, size: PageRequest.maxSize))
        for item in page.content where (item.createdDate?.date ?? .distantPast) >= earliest {
            guard try await !records.isRecorded(item.id.rawValue, of: tenant) else { continue }
            if try await read(item.id) == signature { return item.id }
        }
        return nil
    }
}
