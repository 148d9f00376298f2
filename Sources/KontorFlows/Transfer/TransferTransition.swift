/// A move of an invoice's transfer into ``target`` from one of ``sources``: the store changes the state only
/// where the stored state is one of the sources, in the statement that makes the change.
package struct TransferTransition: Sendable, Equatable {
    /// The states the move starts from.
    package let sources: [TransferState]
    /// The state the move ends in.
    package let target: TransferState

    private init(from sources: [TransferState], to target: TransferState) {
        self.sources = sources
        self.target = target
    }

    /// The raw values of ``sources``, as the store binds them.
    package var sourceNames: [String] { sources.map(\.rawValue) }

    /// A worker takes the invoice for an attempt: waiting, failed, or left `transferring` by a crash (the
    /// resumable set: its steps say what was already sent).
    package static let begin = TransferTransition(from: [.pending, .failed, .transferring], to: .transferring)
    /// lexoffice holds the document.
    package static let complete = TransferTransition(from: [.transferring], to: .transferred)
    /// The transfer cannot succeed as the data stands (or its job gave up before it began).
    package static let fail = TransferTransition(from: [.transferring, .pending], to: .failed)
    /// The invoice is not to be sent at all.
    package static let skip = TransferTransition(from: [.transferring, .pending], to: .skipped)
    /// A retry by hand: the invoice is queued again with a new job.
    package static let retry = TransferTransition(from: [.pending, .failed, .transferring], to: .pending)
    /// An export queues the finalized invoices it takes that are waiting or failed.
    package static let export = TransferTransition(from: [.pending, .failed], to: .pending)

    /// The states from which a worker resumes a transfer.
    package static var resumable: [TransferState] { begin.sources }
}
