/// Where a source customer stands in the customer sync.
package enum CustomerSyncState: String, Sendable, Codable, CaseIterable {
    /// Received; lexoffice does not hold this content yet (or the sync is not active for the tenant).
    case pending
    /// lexoffice holds the customer as merged; ``StoredCustomer/syncedContent`` is what both sides agreed on.
    case synced
    /// The sync cannot go on without a person: lexoffice's contact cannot be updated through its API (several
    /// entries in a list, made in the web app). The reason says what to fix; new content or a retry tries again.
    case conflict
    /// lexoffice refused the customer, or the sync gave up; the reason says why.
    case failed
}
