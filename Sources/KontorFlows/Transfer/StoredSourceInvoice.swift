import Foundation
import KontorCore

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

    /// A stored invoice.
    package init(
        sequence: Int64,
        received: IncomingSourceInvoice,
        transferState: TransferState,
        stateReason: String? = nil,
        lexofficeID: String? = nil,
        voucherNumber: String? = nil,
        customerNumber: String? = nil,
        lexofficeType: String? = nil,
        lexofficeStatus: String? = nil,
        totalsDifference: String? = nil,
        receivedAt: Date,
        updatedAt: Date,
        version: Int
    ) {
        self.sequence = sequence
        self.received = received
        self.transferState = transferState
        self.stateReason = stateReason
        self.lexofficeID = lexofficeID
        self.voucherNumber = voucherNumber
        self.customerNumber = customerNumber
        self.lexofficeType = lexofficeType
        self.lexofficeStatus = lexofficeStatus
        self.totalsDifference = totalsDifference
        self.receivedAt = receivedAt
        self.updatedAt = updatedAt
        self.version = version
    }

    /// A member of the received invoice.
    package subscript<Value>(dynamicMember keyPath: KeyPath<IncomingSourceInvoice, Value>) -> Value {
        received[keyPath: keyPath]
    }
}
