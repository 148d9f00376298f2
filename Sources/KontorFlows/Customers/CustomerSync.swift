import Foundation
import KontorCore
import LexofficeKit
import Synchronization

/// Syncs a stored source customer into lexoffice (DESIGN.md §1 flow 2, source → lexoffice), as the job
/// ``CustomerSyncJob`` asks:
///
/// 1. Nothing happens when the tenant's customer sync does not send to lexoffice, or lexoffice already holds the
///    customer's latest content.
/// 2. Not linked yet: an existing contact matched by the tenant's rules (customer number, e-mail, name) is linked;
///    otherwise the contact is created exactly once (a create in doubt is looked up before it is sent again) and
///    read back for lexoffice's customer number. Linking tells the source the number (`customer.linked`).
/// 3. Linked: the contact is read, merged three ways with the source's customer against what both agreed on last
///    (``CustomerMerge``; conflicts settled by the tenant's policy), and written with its version only when the
///    merge changes it; a version lexoffice changed meanwhile reads, merges and writes again.
/// 4. A contact lexoffice's API cannot update (several entries in a list) puts the customer in `conflict` with the
///    lists named, instead of retrying forever.
///
/// Requests per customer: a create 2 (create, read back; matching adds one search per rule), an update 2 (read,
/// write), an unchanged customer 1.
package struct CustomerSync: JobHandler {
    fileprivate let records: any CustomerRecords
    private let tenants: any TenantLookup
    private let connections: any LexofficeConnections
    private let runner: StepRunner

    /// A sync on `records`, reading tenants from `tenants`, reaching lexoffice through `connections`; a create in
    /// doubt is looked up after `reconciliationDelay` and once more after `reconciliationWindow`.
    package init(
        records: any CustomerRecords,
        tenants: any TenantLookup,
        connections: any LexofficeConnections,
        reconciliationDelay: Duration = .seconds(10),
        reconciliationWindow: Duration = .seconds(60)
    ) {
        self.records = records
        self.tenants = tenants
        self.connections = connections
        runner = StepRunner(
            reconciliationDelay: reconciliationDelay,
            reconciliationWindow: max(reconciliationWindow, reconciliationDelay)
        )
    }

    /// How often a write that lost a race with another edit in lexoffice is merged and sent again.
    static let versionRetries = 3

    /// Runs a ``CustomerSyncJob``.
    package func handle(_ job: Job) async -> JobOutcome {
        guard let request = CustomerSyncJob(payload: job.payload) else {
            return .failed(reason: "the queued customer sync is not readable")
        }
        guard let claim = job.claim else {
            return .retry(reason: "the job was handed over without its tenant lease")
        }
        do {
            try await sync(request.sourceId, of: job.tenantID, under: claim)
            return .completed
        } catch {
            return await outcome(of: error, sourceID: request.sourceId, job: job, claim: claim)
        }
    }

    private func outcome(of error: any Error, sourceID: String, job: Job, claim: JobClaim) async -> JobOutcome {
        do {
            switch TransferDisposition(error, reconciliationDelay: runner.reconciliationDelay) {
            case .retry(let reason, let after) where job.mayRetry(at: Date()):
                return .retry(reason: reason, after: after)
            case .retry(let reason, _):
                let final = "\(reason) (gave up after \(job.attempts) attempts)"
                try await records.hold(sourceID, of: job.tenantID, in: .failed, reason: final, under: claim)
                return .failed(reason: final)
            case .pause(let reason):
                return .pauseTenant(reason: reason)
            case .fail(let reason), .skip(let reason):
                try await records.hold(sourceID, of: job.tenantID, in: .failed, reason: reason, under: claim)
                return .failed(reason: reason)
            case .abandon(let reason):
                return .retry(reason: reason)
            }
        } catch {
            return .retry(reason: "the sync's end could not be recorded: \(error)")
        }
    }

    private func sync(_ sourceID: String, of tenantID: TenantID, under claim: JobClaim) async throws {
        guard let tenant = try await tenants.tenant(tenantID) else {
            throw FlowProblem(.unknownTenant, "the tenant no longer exists")
        }
        guard tenant.isActive, tenant.customerSync.sendsToLexoffice else { return }
        guard let customer = try await records.customer(sourceID, of: tenantID), customer.needsSync else { return }
        let client = try await connections.client(for: tenantID)
        let source = try customer.customer()
        let search = ContactSearch(links: records, client: client)
        if let link = try await records.contactLink(for: sourceID, of: tenantID) {
            try await update(
                customer,
                source: source,
                contactID: link.lexofficeContactID,
                tenant: tenant,
                claim: claim,
                client: client
            )
        } else if let matched = try await search.matchingContact(
            for: source,
            by: tenant.customerSync.matching,
            of: tenantID
        ), let id = matched.id {
            try await records.link(
                ContactLink(
                    sourceCustomerID: sourceID,
                    lexofficeContactID: id.rawValue,
                    customerNumber: matched.roles.customer?.number.map(String.init)
                ),
                of: tenantID,
                under: claim
            )
            try await update(
                customer,
                source: source,
                contactID: id.rawValue,
                tenant: tenant,
                claim: claim,
                client: client
            )
        } else {
            try await create(customer, source: source, claim: claim, client: client, search: search)
        }
    }

    /// Creates the contact exactly once, links it, and records lexoffice's view of it as agreed.
    private func create(
        _ customer: StoredCustomer,
        source: CanonicalCustomer,
        claim: JobClaim,
        client: LexofficeClient,
        search: ContactSearch
    ) async throws {
        let marker = ContactSearch.marker(forSourceCustomer: customer.sourceID)
        let contact = source.newLexofficeContact(noteWhenEmpty: marker)
        let tenantID = customer.tenantID
        // lexoffice's time of the create (not known when a create in doubt was found instead).
        let createdAt = Mutex<Date?>(nil)
        let id = try await runner.run(
            .contact,
            fingerprint: TransferFingerprint.of(contact),
            in: RecordedStepJournal(records: records, subject: customer, claim: claim),
            find: { _ in try await search.unlinkedContact(like: contact, of: tenantID) },
            send: {
                let result = try await client.contacts.create(contact)
                createdAt.withLock { $0 = result.createdDate?.date ?? result.updatedDate?.date }
                return result.id
            }
        )
        let created = try await client.contacts.get(id)
        try await records.link(
            ContactLink(
                sourceCustomerID: customer.sourceID,
                lexofficeContactID: id.rawValue,
                customerNumber: created.roles.customer?.number.map(String.init)
            ),
            of: tenantID,
            under: claim
        )
        try await records.completeSync(
            customer,
            agreed: CanonicalCustomer(created, ignoredNote: marker),
            conflicts: [],
            writtenAt: createdAt.withLock { $0 },
            under: claim
        )
    }

    /// Merges the source's customer into the linked contact and writes it with the contact's version.
    private func update(
        _ customer: StoredCustomer,
        source: CanonicalCustomer,
        contactID: String,
        tenant: Tenant,
        claim: JobClaim,
        client: LexofficeClient
    ) async throws {
        let id = try LexofficeID(contactID)
        let marker = ContactSearch.marker(forSourceCustomer: customer.sourceID)
        let journal = RecordedStepJournal(records: records, subject: customer, claim: claim)
        for _ in 0..<Self.versionRetries {
            let contact = try await client.contacts.get(id)
            let crowded = contact.listsWithSeveralEntries
            guard crowded.isEmpty else {
                try await records.hold(
                    customer.sourceID,
                    of: customer.tenantID,
                    in: .conflict,
                    reason: "lexoffice's API cannot update this contact: it has several entries in "
                        + crowded.joined(separator: ", ") + "; leave one in lexoffice's web app, then send it again",
                    under: claim
                )
                return
            }
            let merge = CustomerMerge(
                base: try customer.agreedCustomer(),
                source: source,
                lexoffice: CanonicalCustomer(contact, ignoredNote: marker),
                winner: try await winner(of: customer, contactID: contactID, policy: tenant.customerSync.conflictPolicy)
            )
            let updated = merge.merged.applied(to: contact)
            var writtenAt: Date?
            if updated != contact {
                try await journal.recordIntent(.contactUpdate, fingerprint: TransferFingerprint.of(updated))
                do {
                    writtenAt = try await client.contacts.update(updated, id: id).updatedDate?.date
                } catch let error as LexofficeError where error.code == .versionConflict {
                    continue
                }
                try await journal.recordDone(
                    .contactUpdate,
                    lexofficeID: contactID,
                    note: "updated version \(contact.version)"
                )
            }
            try await records.completeSync(
                customer,
                agreed: merge.merged,
                conflicts: merge.conflicts,
                writtenAt: writtenAt,
                under: claim
            )
            return
        }
        throw FlowProblem(
            .contactKeptChanging,
            "lexoffice's contact changed during each of \(Self.versionRetries) writes; the sync tries again later"
        )
    }
}

extension CustomerSync {
    /// The side whose value a member both sides changed keeps: by the policy; for `newestWins` lexoffice's when the
    /// hub learned of a lexoffice-side change of the contact after the source sent this content, else the source's.
    fileprivate func winner(
        of customer: StoredCustomer,
        contactID: String,
        policy: CustomerConflictPolicy
    ) async throws -> CustomerSide {
        switch policy {
        case .lexofficeWins: return .lexoffice
        case .sourceWins: return .source
        case .newestWins:
            let changed = try await records.lexofficeChangedAt(contactID, of: customer.tenantID)
            return (changed.map { $0 > customer.contentAt } ?? false) ? .lexoffice : .source
        }
    }
}
