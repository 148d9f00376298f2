import Foundation
import KontorCore
import LexofficeKit
import Synchronization

/// The customer numbers of the contacts that archived documents name, each read from lexoffice once
/// (`GET /v1/contacts/{id}`) and then kept for ``lifetime``: a backfill of many documents of few contacts costs one
/// request more per contact, not per document, and so stays near two requests per document at lexoffice's pace. A
/// number lexoffice assigns later reaches the sidecars written after the lifetime has passed.
package final class ArchiveContactNumbers: Sendable {
    private struct Key: Hashable {
        var tenant: TenantID
        var contact: String
    }

    private struct Entry {
        var number: Int?
        var readAt: ContinuousClock.Instant
    }

    private let lifetime: Duration
    private let capacity: Int
    private let entries = Mutex<[Key: Entry]>([:])

    /// A cache keeping each number for `lifetime` and at most `capacity` numbers (when full, it starts over).
    package init(lifetime: Duration = .seconds(3600), capacity: Int = 10_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The customer number of `tenant`'s contact `contact`, read through `client` unless known: `nil` when the
    /// contact is no customer or lexoffice no longer has it.
    /// - Throws: what `client` throws, but not for a contact lexoffice does not have.
    func customerNumber(of contact: String, tenant: TenantID, client: LexofficeClient) async throws -> Int? {
        let key = Key(tenant: tenant, contact: contact)
        let now = ContinuousClock.now
        if let known = entries.withLock({ $0[key] }), now < known.readAt.advanced(by: lifetime) {
            return known.number
        }
        let number: Int?
        do {
            number = try await client.contacts.get(try LexofficeID(contact)).roles.customer?.number
        } catch let error as LexofficeError where error.code == .notFound {
            number = nil
        }
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(number: number, readAt: now)
        }
        return number
    }
}
