/// Where one archived lexoffice document stands. The raw values reach the API and the database.
package enum ArchiveItemState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Queued, or waiting for a retry (the reason says why).
    case pending
    /// Written to every sink; the sidecar holds the document's latest status.
    case archived
    /// Not archived on purpose (a draft, dated before `activeSince`, a type not chosen); the reason says which.
    case skipped
    /// A sink or lexoffice refused it for a reason that will not pass by itself (wrong credentials, a missing
    /// bucket); retried by hand after the settings are fixed.
    case failed
}
