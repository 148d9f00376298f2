import Foundation
import KontorCore
import KontorStore
import LexofficeKit

/// Writes back the number of an invoice the hub transferred as a draft once it is finalized in lexoffice: on
/// `invoice.status.changed` for such a draft, the invoice is read once and, when no longer a draft, its number
/// and status are stored and sent to the source (`invoice.finalized`).
struct DraftFinalization: Sendable {
    let ledger: TransferLedger
    let clients: TenantLexofficeClients

    /// Handles one lexoffice event of `tenant`; events of other kinds or documents are ignored.
    func handle(_ eventType: String, resourceID: String, of tenant: TenantID) async throws {
        guard eventType == EventType.invoiceStatusChanged.rawValue,
            let invoice = try await ledger.invoice(lexofficeID: resourceID, of: tenant),
            invoice.lexofficeStatus == VoucherStatus.draft.rawValue
        else { return }
        let current = try await clients.client(for: tenant).invoices.get(try LexofficeID(resourceID))
        guard let status = current.voucherStatus, status != .draft else { return }
        try await ledger.recordFinalization(
            lexofficeID: resourceID,
            voucherNumber: current.voucherNumber,
            status: status.rawValue,
            of: tenant
        )
    }
}
