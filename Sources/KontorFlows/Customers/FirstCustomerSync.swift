import Foundation
import KontorCore
import LexofficeKit

/// The first sync of a tenant's customers (job kind ``jobKind``, queued when the customer sync is activated to take
/// lexoffice's side): every customer contact lexoffice holds is offered on the change feed (kind `existing`), 250
/// per request at the connection's pace, each page's entries and progress committed together, so a crash or a lost
/// lease resumes where it stopped without offering a contact twice. Contacts linked to a source customer that hold what both
/// sides agreed on are not offered. Source customers sent before are matched to the existing contacts by their own
/// sync (``CustomerSync``), not duplicated.
///
/// lexoffice pages through at most 10,000 entries of a list (sorted by name) and reports at most 10,000. When the
/// window is read to its end and it was full, more customers may exist beyond it: the first sync then looks them up
/// by customer number, one request each, from ``numberScanMargin`` below the lowest number it has seen, skipping
/// the numbers it has offered, until ``numberScanMargin`` numbers in a row above the highest known one have no
/// contact. lexoffice assigns customer numbers from one sequence per organization (from 10000 by default), so this
/// finds every customer whose number is not more than that margin away from the next one; each step is committed
/// with its entry, so a crash resumes at the number where it stopped.
package struct FirstCustomerSync: JobHandler {
    /// The job kind.
    package static let jobKind = "customer.first-sync"

    private let feed: any CustomerFeed
    private let tenants: any TenantLookup
    private let connections: any LexofficeConnections

    /// A first sync onto `feed`, reading tenants from `tenants` and contacts through `connections`.
    package init(feed: any CustomerFeed, tenants: any TenantLookup, connections: any LexofficeConnections) {
        self.feed = feed
        self.tenants = tenants
        self.connections = connections
    }

    package func handle(_ job: Job) async -> JobOutcome {
        guard let claim = job.claim else {
            return .retry(reason: "the job was handed over without its tenant lease")
        }
        do {
            try await run(for: job.tenantID, under: claim)
            return .completed
        } catch {
            switch TransferDisposition(error, reconciliationDelay: .zero) {
            case .retry(let reason, let after) where job.mayRetry(at: Date()):
                return .retry(reason: reason, after: after)
            case .retry(let reason, _), .fail(let reason), .skip(let reason): return .failed(reason: reason)
            case .pause(let reason): return .pauseTenant(reason: reason)
            case .abandon(let reason): return .retry(reason: reason)
            }
        }
    }

    /// How many customer numbers the lookup beyond the list window tries below the lowest known number, and how
    /// many in a row without a contact above the highest known one end it.
    package static let numberScanMargin = 100

    private func run(for tenantID: TenantID, under claim: JobClaim) async throws {
        guard let tenant = try await tenants.tenant(tenantID), tenant.isActive,
            tenant.customerSync.takesLexofficeChanges
        else { return }
        let client = try await connections.client(for: tenantID)
        var offered: OfferedNumbers?
        while let progress = try await feed.firstSync(of: tenantID), progress.finishedAt == nil {
            if let number = progress.scanNumber {
                var known: OfferedNumbers
                if let offered {
                    known = offered
                } else {
                    known = OfferedNumbers(try await feed.firstSyncCustomerNumbers(of: tenantID))
                }
                try await lookUp(from: number, misses: progress.scanMisses, known: &known, client, tenantID, claim)
                offered = known
                continue
            }
            let size = PageRequest.maxSize
            guard (progress.nextPage + 1) * size <= PageRequest.searchWindow else {
                throw FlowProblem(.firstSyncTooLarge, "the first sync read past lexoffice's list window")
            }
            let page = try await client.contacts.page(
                ContactFilter(customer: true),
                page: try PageRequest(page: progress.nextPage, size: size)
            )
            var changes: [NewCustomerChange] = []
            for contact in page.content {
                guard let id = contact.id, let change = try await change(for: contact, id: id, tenant: tenantID)
                else { continue }
                changes.append(change)
            }
            let totalPages = max(page.totalPages ?? 1, 1)
            // A full window (lexoffice reports at most 10,000) read to its end: more may lie beyond it.
            let beyondWindow =
                progress.nextPage + 1 >= totalPages && (page.totalElements ?? 0) >= PageRequest.searchWindow
            var scanFrom: Int?
            if beyondWindow {
                let numbers = try await feed.firstSyncCustomerNumbers(of: tenantID)
                    .union(page.content.compactMap { $0.roles.customer?.number })
                scanFrom = max(1, (numbers.min() ?? 1) - Self.numberScanMargin)
            }
            try await feed.recordFirstSyncPage(
                progress.nextPage,
                of: totalPages,
                offering: changes,
                scanFrom: scanFrom,
                tenant: tenantID,
                under: claim
            )
        }
    }

    /// Looks up the first customer number from `number` on that was not offered yet (one request) and records it.
    private func lookUp(
        from number: Int,
        misses: Int,
        known: inout OfferedNumbers,
        _ client: LexofficeClient,
        _ tenantID: TenantID,
        _ claim: JobClaim
    ) async throws {
        var candidate = number
        while known.contains(candidate) { candidate += 1 }
        let highest = known.highest
        let found = try await client.contacts.page(
            ContactFilter(number: candidate, customer: true),
            page: try PageRequest(page: 0, size: 25)
        ).content.first { $0.roles.customer?.number == candidate }
        var entry: NewCustomerChange?
        if let found, let id = found.id {
            entry = try await change(for: found, id: id, tenant: tenantID)
            known.insert(candidate)
        }
        let newMisses: Int
        switch (found, candidate > highest) {
        case (.some, _): newMisses = 0
        case (nil, true): newMisses = misses + 1
        case (nil, false): newMisses = misses
        }
        try await feed.recordFirstSyncLookup(
            candidate,
            misses: newMisses,
            finished: newMisses >= Self.numberScanMargin,
            offering: entry,
            tenant: tenantID,
            under: claim
        )
    }

    /// The feed entry offering the contact, or `nil` when it is linked and holds what both sides agreed on.
    private func change(for contact: Contact, id: LexofficeID, tenant: TenantID) async throws -> NewCustomerChange? {
        let linked = try await feed.customer(linkedTo: id.rawValue, of: tenant)
        let marker = linked.map { ContactSearch.marker(forSourceCustomer: $0.sourceID) }
        if let agreed = try linked?.agreedCustomer(), ContactEventIntake.contact(contact, holds: agreed, marker: marker)
        {
            return nil
        }
        return NewCustomerChange(
            kind: .existing,
            lexofficeID: id.rawValue,
            customerNumber: contact.roles.customer?.number.map(String.init),
            sourceID: linked?.sourceID,
            customer: CanonicalCustomer(contact, ignoredNote: marker)
        )
    }
}

/// The customer numbers the first sync has offered, with the highest of them, for the lookup beyond the list window.
private struct OfferedNumbers {
    private var numbers: Set<Int>
    /// The highest number offered, 0 when none was.
    private(set) var highest: Int

    init(_ numbers: Set<Int>) {
        self.numbers = numbers
        highest = numbers.max() ?? 0
    }

    func contains(_ number: Int) -> Bool { numbers.contains(number) }

    mutating func insert(_ number: Int) {
        numbers.insert(number)
        highest = max(highest, number)
    }
}
