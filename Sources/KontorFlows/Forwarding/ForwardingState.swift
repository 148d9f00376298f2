/// Where a forwarded document stands on its way into lexoffice. The states and the moves between them are
/// defined here, once; the store binds them and decides no state of its own (DESIGN.md §2).
package enum ForwardingState: String, Sendable, Codable, CaseIterable {
    /// Received and waiting to be forwarded (also while forwarding is switched off hub-wide or for the tenant).
    case pending
    /// In lexoffice: as a bookkeeping voucher with the original attached, or as an uploaded file.
    case forwarded
    /// Not forwarded on purpose (approved or sent before the tenant's forwarding was activated); the reason says
    /// why. The document stays stored.
    case skipped
    /// Forwarding failed for good; the reason says why, a retry starts it again.
    case failed

    /// The states a retry through the hub API starts again from.
    package static let retryable: Set<ForwardingState> = [.failed, .skipped]
}
