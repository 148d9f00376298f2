import Foundation
import KontorCore

/// A source customer as the hub stores it, with where its sync stands and its lexoffice link.
package struct StoredCustomer: Sendable, Equatable {
    /// The tenant.
    package var tenantID: TenantID
    /// The customer's id in the source application.
    package var sourceID: String
    /// The store's sequence number of the customer (the cursor of listings).
    package var sequence: Int64
    /// The customer as the source sent it last, canonical JSON.
    package var content: String
    /// The SHA-256 of ``content``.
    package var contentHash: String
    /// Where the sync stands.
    package var state: CustomerSyncState
    /// Why it is in ``CustomerSyncState/conflict`` or ``CustomerSyncState/failed`` (or still pending).
    package var stateReason: String?
    /// What both sides agreed on at the last sync (canonical JSON), the base of the next three-way merge.
    package var syncedContent: String?
    /// The ``contentHash`` of the source content that sync was made from.
    package var syncedHash: String?
    /// When it was last synced.
    package var syncedAt: Date?
    /// When the hub last wrote the linked contact, by lexoffice's clock (the write's `updatedDate`).
    package var lexofficeWrittenAt: Date?
    /// The linked lexoffice contact.
    package var lexofficeID: String?
    /// lexoffice's customer number of the linked contact.
    package var customerNumber: String?
    /// When the source sent it first.
    package var receivedAt: Date
    /// When the source sent its current content.
    package var contentAt: Date
    /// When anything about it changed last.
    package var updatedAt: Date
    /// Counts the source's changes (1 for the first `PUT`).
    package var version: Int

    /// A stored customer.
    package init(
        tenantID: TenantID,
        sourceID: String,
        sequence: Int64,
        content: String,
        contentHash: String,
        state: CustomerSyncState,
        stateReason: String? = nil,
        syncedContent: String? = nil,
        syncedHash: String? = nil,
        syncedAt: Date? = nil,
        lexofficeWrittenAt: Date? = nil,
        lexofficeID: String? = nil,
        customerNumber: String? = nil,
        receivedAt: Date,
        contentAt: Date,
        updatedAt: Date,
        version: Int
    ) {
        self.tenantID = tenantID
        self.sourceID = sourceID
        self.sequence = sequence
        self.content = content
        self.contentHash = contentHash
        self.state = state
        self.stateReason = stateReason
        self.syncedContent = syncedContent
        self.syncedHash = syncedHash
        self.syncedAt = syncedAt
        self.lexofficeWrittenAt = lexofficeWrittenAt
        self.lexofficeID = lexofficeID
        self.customerNumber = customerNumber
        self.receivedAt = receivedAt
        self.contentAt = contentAt
        self.updatedAt = updatedAt
        self.version = version
    }

    /// Whether lexoffice does not hold the source's latest content yet.
    package var needsSync: Bool { state != .synced || syncedHash != contentHash }

    /// The source's customer.
    /// - Throws: ``FlowProblem`` `unreadable` when the stored JSON is not a customer.
    package func customer() throws -> CanonicalCustomer { try Self.decode(content) }

    /// What both sides agreed on at the last sync, or `nil` before the first.
    package func agreedCustomer() throws -> CanonicalCustomer? { try syncedContent.map(Self.decode) }

    private static func decode(_ json: String) throws -> CanonicalCustomer {
        do {
            return try Array(json.utf8).withUnsafeBytes { try CanonicalCustomer.decodeJSON($0) }
        } catch {
            throw FlowProblem(.unreadable, "the stored customer is not readable: \(error)")
        }
    }
}
