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
/// lexoffice pages through at most 10,000 entries of a list; beyond that the first sync stops, its job failed with
/// that reason (the other contacts arrive on the feed when they next change).
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

    private func run(for tenantID: TenantID, under claim: JobClaim) async throws {
        guard let tenant = try await tenants.tenant(tenantID), tenant.isActive,
            tenant.customerSync.takesLexofficeChanges
        else { return }
        let client = try await connections.client(for: tenantID)
        while let progress = try await feed.firstSync(of: tenantID), progress.finishedAt == nil {
            let size = PageRequest.maxSize
            guard (progress.nextPage + 1) * size <= PageRequest.searchWindow else {
                throw FlowProblem(
                    .firstSyncTooLarge,
                    "lexoffice lists at most \(PageRequest.searchWindow) contacts; the first sync offered those"
                )
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
            try await feed.recordFirstSyncPage(
                progress.nextPage,
                of: max(page.totalPages ?? 1, 1),
                offering: changes,
                tenant: tenantID,
                under: claim
            )
        }
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
