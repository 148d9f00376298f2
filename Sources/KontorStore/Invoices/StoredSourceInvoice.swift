import Foundation
import KontorCore
import SQLKit

/// Where a source invoice stands on its way into lexoffice.
package enum TransferState: String, Sendable, Codable, CaseIterable {
    /// A draft at the source: stored, never transferred.
    case stored
    /// Not transferred on purpose (dated before activation, received while the tenant was inactive, voided at the
    /// source before transfer); the reason says which. Nothing is lost: the invoice stays stored.
    case skipped
    /// Waiting to be transferred (on save with auto transfer, or by an export).
    case pending
    /// A worker is transferring it.
    case transferring
    /// In lexoffice.
    case transferred
    /// The transfer failed for good; the reason says why, a retry starts it again.
    case failed

    /// The states in which lexoffice may already hold the document, so its content must not change any more.
    package static let sentToLexoffice: Set<TransferState> = [.transferring, .transferred, .failed]
}

/// A source invoice as the hub keeps it: the invoice as last received (its members read through, e.g.
/// `stored.number`), and the transfer's state and results.
@dynamicMemberLookup
package struct StoredSourceInvoice: Sendable, Equatable {
    /// Increasing with every new invoice; the cursor for paging.
    package var sequence: Int64
    /// The invoice as last received.
    package var received: IncomingSourceInvoice
    /// Where the transfer stands.
    package var transferState: TransferState
    /// Why it is skipped or failed, for people.
    package var stateReason: String?
    /// The lexoffice document's id once transferred.
    package var lexofficeID: String?
    /// The voucher number lexoffice assigned (invoice variant) or the source's (voucher variant).
    package var voucherNumber: String?
    /// The customer number of the lexoffice contact.
    package var customerNumber: String?
    /// The lexoffice document's type: `invoice`, `credit-note`, `salesinvoice` or `salescreditnote`.
    package var lexofficeType: String?
    /// The lexoffice document's status when last read (`draft`, `open`, …); a draft gets its number later.
    package var lexofficeStatus: String?
    /// How lexoffice's totals differ from the source's, when they do.
    package var totalsDifference: String?
    /// When the hub first received it.
    package var receivedAt: Date
    /// When it last changed.
    package var updatedAt: Date
    /// Counts changes, from 1.
    package var version: Int

    /// A member of the received invoice.
    package subscript<Value>(dynamicMember keyPath: KeyPath<IncomingSourceInvoice, Value>) -> Value {
        received[keyPath: keyPath]
    }
}

extension StoredSourceInvoice {
    init(row: any SQLRow) throws {
        let state = try row.decode(column: "transfer_state", as: String.self)
        guard let transferState = TransferState(rawValue: state) else {
            throw StoreError(.conflict, "source invoice row holds an unknown transfer state '\(state)'")
        }
        self.init(
            sequence: try row.decode(column: "id", as: Int64.self),
            received: IncomingSourceInvoice(
                tenantID: TenantID(try row.decode(column: "tenant_id", as: String.self)),
                sourceID: try row.decode(column: "source_id", as: String.self),
                number: try row.decode(column: "number", as: String.self),
                invoiceDate: try row.decode(column: "invoice_date", as: String.self),
                status: try row.decode(column: "status", as: String.self),
                cancels: try row.decode(column: "cancels", as: String?.self),
                content: try row.decode(column: "content", as: String.self),
                fingerprint: try row.decode(column: "fingerprint", as: String.self)
            ),
            transferState: transferState,
            stateReason: try row.decode(column: "state_reason", as: String?.self),
            lexofficeID: try row.decode(column: "lexoffice_id", as: String?.self),
            voucherNumber: try row.decode(column: "voucher_number", as: String?.self),
            customerNumber: try row.decode(column: "customer_number", as: String?.self),
            lexofficeType: try row.decode(column: "lexoffice_type", as: String?.self),
            lexofficeStatus: try row.decode(column: "lexoffice_status", as: String?.self),
            totalsDifference: try row.decode(column: "totals_difference", as: String?.self),
            receivedAt: Date(millisecondsSince1970: try row.decode(column: "received_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self)),
            version: try row.decode(column: "version", as: Int.self)
        )
    }
}
