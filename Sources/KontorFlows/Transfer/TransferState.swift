/// Where a source invoice stands on its way into lexoffice. The states and the moves between them
/// (``TransferTransition``) are defined here, once; the store binds them in its statements and decides no state of
/// its own (DESIGN.md §2).
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
