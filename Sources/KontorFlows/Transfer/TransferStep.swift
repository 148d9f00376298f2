import Foundation
import KontorCore

/// One outgoing write of an invoice transfer, a customer sync or a forwarding (DESIGN.md §5): recorded as `intent` before the request is sent
/// and as `done` with the lexoffice id once lexoffice confirmed it. A step found in `intent` by a later attempt
/// is in doubt: lexoffice may hold the document, so it is looked for before anything is sent again.
package struct TransferStep: Sendable, Equatable {
    /// What the step writes.
    package enum Name: String, Sendable, CaseIterable {
        /// The customer's lexoffice contact.
        case contact
        /// The invoice (invoice variant).
        case invoice
        /// The credit note of a cancellation (invoice variant).
        case creditNote = "credit-note"
        /// The bookkeeping voucher (voucher variant).
        case voucher
        /// The source PDF attached to the voucher (voucher variant).
        case attachment
        /// An update of a synced customer's contact (customer sync; recorded anew for each update).
        case contactUpdate = "contact-update"
        /// A forwarded document uploaded as a file (`POST /v1/files`) for lexoffice's own recognition (forwarding).
        case upload
    }

    /// Whether lexoffice confirmed the write.
    package enum State: String, Sendable {
        /// Recorded before the request; the outcome is unknown until ``done``.
        case intent
        /// lexoffice confirmed it; ``TransferStep/lexofficeID`` holds the result.
        case done
    }

    /// What the step writes.
    package var name: Name
    /// Whether it is confirmed.
    package var state: State
    /// Identifies the request's content (to recognize the document in lexoffice when in doubt).
    package var fingerprint: String
    /// When the latest request of the step was about to be sent.
    package var startedAt: Date
    /// When lexoffice confirmed it.
    package var finishedAt: Date?
    /// The id of what lexoffice created.
    package var lexofficeID: String?
    /// How it ended, for people (e.g. "found in lexoffice after an unknown outcome").
    package var note: String?

    /// A step.
    package init(
        name: Name,
        state: State,
        fingerprint: String,
        startedAt: Date,
        finishedAt: Date? = nil,
        lexofficeID: String? = nil,
        note: String? = nil
    ) {
        self.name = name
        self.state = state
        self.fingerprint = fingerprint
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.lexofficeID = lexofficeID
        self.note = note
    }
}
