import Foundation
import LexofficeKit
import NIOConcurrencyHelpers
import Synchronization

/// All simulated data: organizations, API keys, rate-limit buckets and the request journal.
///
/// State is mutated synchronously under one lock (never across `await`); handlers read or change it with
/// ``read(_:_:)`` and ``write(_:_:)``, which run a closure on one organization.
final class SandboxState: Sendable {
    let clock: SandboxClock
    /// OAuth2 codes, connections and tokens (their own lock: the gateway reads them on every request).
    let oauth = OAuthRegistry()
    /// A pthread mutex rather than `Mutex`: on Linux `Mutex` is a priority-inheritance futex, which costs a kernel
    /// round trip whenever two event loops meet at the lock (every request takes it).
    private let store: NIOLockedValueBox<Store>
    /// How many resources are hidden by a replication delay, written under the lock: reads check it before
    /// taking the lock, as it is almost always 0.
    private let hiddenCount = Atomic<Int>(0)
    /// Where raised events go. The function sits in a struct: kept bare in the generic lock box, it came back
    /// wrapped in one more reabstraction thunk from every locked access, so each write called through a chain of
    /// thunks as long as the number of writes before it (POST rate fell from 2,000/s to 1,200/s within 12 s).
    private let eventSink = NIOLockedValueBox<EventSink?>(nil)

    struct Store: Sendable {
        var organizations: [LexofficeID: Organization] = [:]
        var keys: [String: LexofficeID] = [:]
        /// The connection of each API key other than an organization's first (which has the profile's
        /// `connectionId`); the subscriptions a key creates belong to its connection.
        var keyConnections: [String: LexofficeID] = [:]
        var buckets: [String: TokenBucket] = [:]
        var journal: [JournalEntry] = []
        /// The sequence number of the last journal entry.
        var journalSequence = 0
        /// Resources created under a replication-delay fault, and when they become readable.
        var hiddenUntil: [LexofficeID: ContinuousClock.Instant] = [:]
    }

    init(clock: SandboxClock) {
        self.clock = clock
        store = NIOLockedValueBox(Store())
    }

    /// Creates an organization reachable with `apiKey` and returns its id.
    func createOrganization(companyName: String, apiKey: String) -> LexofficeID {
        let organization = Organization.fresh(
            companyName: companyName,
            userEmail: "owner@\(companyName.lowercased().filter(\.isLetter)).example",
            now: clock.timestamp
        )
        store.withLockedValue { store in
            store.organizations[organization.id] = organization
            store.keys[apiKey] = organization.id
        }
        return organization.id
    }

    /// The organization an API key belongs to.
    func organization(forKey key: String) -> LexofficeID? {
        store.withLockedValue { $0.keys[key] }
    }

    /// The organization and connection an API key speaks for; `nil` for an unknown or revoked key.
    func credential(forKey key: String) -> (organizationID: LexofficeID, connectionID: LexofficeID)? {
        store.withLockedValue { store in
            guard let organizationID = store.keys[key] else { return nil }
            let connectionID =
                store.keyConnections[key] ?? store.organizations[organizationID]?.profile.connectionId ?? organizationID
            return (organizationID, connectionID)
        }
    }

    /// Adds another API key (with a connection of its own) to an organization.
    func addKey(_ key: String, to organizationID: LexofficeID) {
        store.withLockedValue { store in
            store.keys[key] = organizationID
            store.keyConnections[key] = .random()
        }
    }

    /// Invalidates an API key as the user does in the key management page: the key answers 401 from now on
    /// and the event subscriptions it created are deleted (event-subscriptions.md). Returns whether it existed.
    @discardableResult
    func revokeKey(_ key: String) -> Bool {
        guard let credential = credential(forKey: key) else { return false }
        store.withLockedValue { store in
            store.keys[key] = nil
            store.keyConnections[key] = nil
            store.buckets[key] = nil
        }
        _ = try? write(credential.organizationID) { organization in
            organization.deleteSubscriptions(of: credential.connectionID)
        }
        return true
    }

    /// What the gateway learns about an API key in one look under the lock.
    struct KeyAdmission {
        var organizationID: LexofficeID
        var connectionID: LexofficeID
        /// Whether the key's bucket had a token (always `true` without a rate limit).
        var isWithinRateLimit: Bool
    }

    /// Looks up an API key and, with a rate limit, takes a token from its bucket, under one lock acquisition;
    /// `nil` for an unknown or revoked key (no token is taken then).
    func admit(key: String, rateLimit: TokenBucket.Limit?) -> KeyAdmission? {
        store.withLockedValue { store in
            guard let organizationID = store.keys[key] else { return nil }
            let connectionID =
                store.keyConnections[key] ?? store.organizations[organizationID]?.profile.connectionId ?? organizationID
            var isWithinRateLimit = true
            if let rateLimit { isWithinRateLimit = Self.takeToken(for: key, rateLimit, in: &store) }
            return KeyAdmission(
                organizationID: organizationID,
                connectionID: connectionID,
                isWithinRateLimit: isWithinRateLimit
            )
        }
    }

    /// Takes a rate-limit token for `key`; `false` when the bucket is empty.
    func takeToken(for key: String, _ rateLimit: TokenBucket.Limit) -> Bool {
        store.withLockedValue { Self.takeToken(for: key, rateLimit, in: &$0) }
    }

    private static func takeToken(for key: String, _ rateLimit: TokenBucket.Limit, in store: inout Store) -> Bool {
        let now = ContinuousClock.now
        var bucket = store.buckets[key] ?? TokenBucket(rateLimit, now: now)
        let granted = bucket.take(now: now)
        store.buckets[key] = bucket
        return granted
    }

    /// Runs `body` on an organization without changing it.
    func read<Result>(_ organizationID: LexofficeID, _ body: (Organization) throws -> Result) throws -> Result {
        try store.withLockedValue { store in
            guard let organization = store.organizations[organizationID] else { throw SandboxProblem.unauthorized }
            return try body(organization)
        }
    }

    /// Runs `body` on an organization; its changes are kept only when it returns (a throw changes nothing).
    /// Events it raised go to the event sink after the change is stored.
    func write<Result>(_ organizationID: LexofficeID, _ body: (inout Organization) throws -> Result) throws -> Result {
        let (result, events) = try store.withLockedValue { store in
            guard var organization = store.organizations[organizationID] else { throw SandboxProblem.unauthorized }
            let result = try body(&organization)
            let events = organization.outbox
            organization.outbox = []
            store.organizations[organizationID] = organization
            return (result, events)
        }
        if !events.isEmpty, let sink = eventSink.withLockedValue({ $0 }) { sink.deliver(events) }
        return result
    }

    /// Where raised events go (the webhook dispatcher).
    func sendEvents(to sink: @escaping @Sendable ([SandboxEvent]) -> Void) {
        eventSink.withLockedValue { $0 = EventSink(deliver: sink) }
    }

    /// Appends a request to the journal (the last 10,000 to 12,000 entries are kept).
    func record(_ entry: JournalEntry) {
        store.withLockedValue { store in
            var entry = entry
            store.journalSequence += 1
            entry.sequence = store.journalSequence
            store.journal.append(entry, keepingLast: 10_000)
        }
    }

    /// The persistent part of the state.
    func snapshot(defaultAPIKey: String) -> SandboxSnapshot {
        let grants = oauth.savedGrants(now: clock.now)
        return store.withLockedValue { store in
            SandboxSnapshot(
                format: SandboxSnapshot.currentFormat,
                savedAt: clock.timestamp,
                defaultAPIKey: defaultAPIKey,
                clockOffsetSeconds: clock.offsetSeconds,
                keys: store.keys,
                keyConnections: store.keyConnections,
                oauthGrants: grants,
                organizations: Array(store.organizations.values)
            )
        }
    }

    /// Replaces organizations, keys and the clock offset with a snapshot's.
    func restore(_ snapshot: SandboxSnapshot) {
        clock.offsetSeconds = snapshot.clockOffsetSeconds
        if let grants = snapshot.oauthGrants { oauth.restore(grants) }
        store.withLockedValue { store in
            store.organizations = Dictionary(uniqueKeysWithValues: snapshot.organizations.map { ($0.id, $0) })
            store.keys = snapshot.keys
            store.keyConnections = snapshot.keyConnections ?? [:]
        }
    }

    /// Keeps a new resource invisible to reads for `duration` (replication delay).
    func hide(_ id: LexofficeID, for duration: Duration) {
        store.withLockedValue { store in
            store.hiddenUntil[id] = ContinuousClock.now.advanced(by: duration)
            hiddenCount.store(store.hiddenUntil.count, ordering: .releasing)
        }
    }

    /// Whether a resource is readable yet.
    func isVisible(_ id: LexofficeID) -> Bool {
        guard hiddenCount.load(ordering: .acquiring) > 0 else { return true }
        return store.withLockedValue { store in
            guard let until = store.hiddenUntil[id] else { return true }
            if ContinuousClock.now >= until {
                store.hiddenUntil[id] = nil
                hiddenCount.store(store.hiddenUntil.count, ordering: .releasing)
                return true
            }
            return false
        }
    }

    /// The readable ones of `items` (see ``isVisible(_:)``), in their order; one lock for the whole list.
    func visible<Item>(_ items: [Item], id: (Item) -> LexofficeID?) -> [Item] {
        guard hiddenCount.load(ordering: .acquiring) > 0 else { return items }
        let now = ContinuousClock.now
        let hidden = store.withLockedValue { store in
            store.hiddenUntil = store.hiddenUntil.filter { $0.value > now }
            hiddenCount.store(store.hiddenUntil.count, ordering: .releasing)
            return store.hiddenUntil
        }
        return items.filter { item in id(item).map { hidden[$0] == nil } ?? true }
    }

    /// The journal, oldest first: all of it, or the entries after the one numbered `sequence`.
    func journal(after sequence: Int = 0) -> [JournalEntry] {
        store.withLockedValue { store in
            guard let first = store.journal.first?.sequence else { return [] }
            // Sequences are consecutive, so the first newer entry's index follows from the oldest kept one.
            return Array(store.journal.dropFirst(max(0, sequence - first + 1)))
        }
    }

    /// Drops all data, keys and the journal.
    func reset() {
        store.withLockedValue { store in
            store = Store(journalSequence: store.journalSequence)
            hiddenCount.store(0, ordering: .releasing)
        }
        oauth.reset()
    }
}

/// One request the simulator answered.
struct JournalEntry: Codable, Sendable, Equatable {
    /// The entry's position among all requests since the sandbox started (1, 2, 3 …; a reset does not restart it),
    /// for reading only what is new (`GET /_sandbox/requests?after=N`).
    var sequence = 0
    var method: String
    var path: String
    var status: Int
    var time: LexofficeDateTime
    var organizationId: LexofficeID?
}

/// The receiver of raised events (the webhook dispatcher).
private struct EventSink: Sendable {
    let deliver: @Sendable ([SandboxEvent]) -> Void
}
