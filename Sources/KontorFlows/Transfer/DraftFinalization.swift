import Foundation
import KontorCore
import LexofficeKit

/// Writes back the number of an invoice the hub transferred as a draft once it is finalized in lexoffice: on
/// `invoice.status.changed` for such a draft, the invoice is read once and, when no longer a draft, its number
/// and status are stored and sent to the source (`invoice.finalized`).
package struct DraftFinalization: LexofficeEventHandling {
    private let records: any TransferRecords
    private let connections: any LexofficeConnections

    /// Write-backs on `records`, reading lexoffice through `connections`.
    package init(records: any TransferRecords, connections: any LexofficeConnections) {
        self.records = records
        self.connections = connections
    }

    /// Handles one lexoffice event of `tenant` in a job running under `claim`; events of other kinds or documents
    /// are ignored.
    package func handle(
        _ eventType: String,
        resourceID: String,
        occurredAt: Date?,
        of tenant: TenantID,
        under claim: JobClaim
    ) async throws {
        guard eventType == EventType.invoiceStatusChanged.rawValue,
            let invoice = try await records.invoice(lexofficeID: resourceID, of: tenant),
            invoice.lexofficeStatus == VoucherStatus.draft.rawValue
        else { return }
        let current = try await connections.client(for: tenant).invoices.get(try LexofficeID(resourceID))
        guard let status = current.voucherStatus, status != .draft else { return }
        try await records.recordFinalization(
            lexofficeID: resourceID,
            voucherNumber: current.voucherNumber,
            status: status.rawValue,
            of: tenant,
            under: claim
        )
    }
}
