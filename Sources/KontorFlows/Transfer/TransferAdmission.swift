import Foundation
import KontorCore
import LexofficeKit

/// How a received source invoice enters the transfer (DESIGN.md §1 flow 1): the state it starts in and why, decided
/// on the tenant as stored when the invoice is, and whether a changed invoice may replace the stored one.
package enum TransferAdmission {
    /// What the decision reads of the tenant.
    package struct Tenant: Sendable, Equatable {
        /// Whether the tenant is active.
        package var isActive: Bool
        /// Since when; invoices dated before its day (Europe/Berlin) are skipped.
        package var activeSince: Date?

        /// The tenant's activation.
        package init(isActive: Bool, activeSince: Date?) {
            self.isActive = isActive
            self.activeSince = activeSince
        }
    }

    /// The state a received invoice starts in, and why when it is not transferred. The activation cutoff is the
    /// day of `activeSince` in Europe/Berlin, the time zone of lexoffice's business dates.
    package static func initialState(
        of incoming: IncomingSourceInvoice,
        tenant: Tenant
    ) -> (state: TransferState, reason: String?) {
        switch SourceInvoiceStatus(rawValue: incoming.status) {
        case .draft:
            return (.stored, "a draft at the source; transferred once it is finalized")
        case .cancelled:
            return (.skipped, "voided at the source before it was transferred")
        case .finalized, nil:
            break
        }
        guard tenant.isActive else {
            return (.skipped, "received while the tenant was inactive")
        }
        if let activeSince = tenant.activeSince {
            let firstDay = LexofficeDateTime(activeSince).localDay.description
            if incoming.invoiceDate < firstDay {
                return (.skipped, "dated before the tenant's activation (\(firstDay))")
            }
        }
        return (.pending, nil)
    }

    /// Why a changed version of `stored` may not replace it, or `nil` when it may: lexoffice may already hold the
    /// invoice (it was sent, or a step of its transfer was recorded, which a later attempt would take as done for
    /// the new content too).
    package static func refusalOfChange(to stored: StoredSourceInvoice, hasSteps: Bool) -> String? {
        if TransferState.sentToLexoffice.contains(stored.transferState) || hasSteps {
            let done = stored.transferState == .transferred ? "transferred" : "sent"
            return "invoice '\(stored.sourceID)' was already \(done) to lexoffice, where it cannot be changed; "
                + "send a cancellation (cancels) and a new invoice"
        }
        return nil
    }
}
