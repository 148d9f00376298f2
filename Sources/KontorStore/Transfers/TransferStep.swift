import Foundation
import KontorCore
import SQLKit

/// One outgoing write of an invoice transfer (DESIGN.md §5): recorded as `intent` before the request is sent
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
}

extension TransferStep {
    init(row: any SQLRow) throws {
        let name = try row.decode(column: "name", as: String.self)
        let state = try row.decode(column: "state", as: String.self)
        guard let known = Name(rawValue: name), let knownState = State(rawValue: state) else {
            throw StoreError(.conflict, "transfer step row holds an unknown step '\(name)' or state '\(state)'")
        }
        self.init(
            name: known,
            state: knownState,
            fingerprint: try row.decode(column: "fingerprint", as: String.self),
            startedAt: Date(millisecondsSince1970: try row.decode(column: "started_at", as: Int64.self)),
            finishedAt: try row.decode(column: "finished_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)),
            lexofficeID: try row.decode(column: "lexoffice_id", as: String?.self),
            note: try row.decode(column: "note", as: String?.self)
        )
    }
}
