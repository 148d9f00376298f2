import Foundation
import KontorCore
import KontorFlows
import SQLKit

/// The durable record of customer syncs, the store's side of the customer sync flow's ``CustomerRecords`` port:
/// every write made for a job commits only under the job's ``JobClaim``, the end of a sync together with its
/// activity entry and its callback to the source.
package struct CustomerLedger: CustomerRecords {
    let queue: JobQueue
    let outbox: CallbackOutbox
    let activity: ActivityLog
    private let links: ContactLinkTable

    /// A ledger in `queue`'s database.
    package init(queue: JobQueue) {
        self.queue = queue
        outbox = CallbackOutbox(queue: queue)
        activity = ActivityLog(database: queue.database, clock: queue.clock)
        links = ContactLinkTable(queue: queue)
    }

    private var database: any StoreDatabase { queue.database }
    private var now: Int64 { queue.clock.nowMilliseconds }
    private var customers: CustomerStore { CustomerStore(database: database, clock: queue.clock) }

    /// The transaction of a write made for a job: `body` runs after the claim is verified, in the same commit.
    private func write(
        for tenant: TenantID,
        under claim: JobClaim,
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Void
    ) async throws {
        let kind = database.kind
        try await database.groupedTransaction { db in
            try await claim.verify(for: tenant, in: db, kind: kind)
            try await body(db)
        }
    }

    package func customer(_ sourceID: String, of tenant: TenantID) async throws -> StoredCustomer? {
        try await customers.customer(sourceID, of: tenant)
    }

    package func lexofficeChangedAt(_ lexofficeID: String, of tenant: TenantID) async throws -> Date? {
        try await database.read { db in
            try await db.raw(
                """
                SELECT MAX(recorded_at) AS at FROM customer_changes WHERE tenant_id = \(bind: tenant.rawValue) \
                AND lexoffice_id = \(bind: lexofficeID)
                """
            ).first()?.decode(column: "at", as: Int64?.self).map(Date.init(millisecondsSince1970:))
        }
    }

    package func steps(of customer: StoredCustomer) async throws -> [TransferStep] {
        try await customers.steps(of: customer)
    }

    package func recordIntent(
        _ name: TransferStep.Name,
        fingerprint: String,
        of customer: StoredCustomer,
        under claim: JobClaim
    ) async throws {
        try await write(for: customer.tenantID, under: claim) { [now] db in
            try await db.raw(
                """
                INSERT INTO customer_steps (customer_id, name, state, fingerprint, started_at) \
                VALUES (\(bind: customer.sequence), \(bind: name.rawValue), 'intent', \(bind: fingerprint), \
                \(bind: now)) ON CONFLICT (customer_id, name) DO UPDATE SET state = 'intent', \
                fingerprint = excluded.fingerprint, started_at = excluded.started_at, finished_at = NULL, \
                lexoffice_id = NULL, note = NULL \
                WHERE customer_steps.state = 'intent' OR customer_steps.name <> \(bind: TransferStep.Name.contact.rawValue)
                """
            ).run()
        }
    }

    package func recordDone(
        _ name: TransferStep.Name,
        lexofficeID: String,
        note: String?,
        of customer: StoredCustomer,
        under claim: JobClaim
    ) async throws {
        try await write(for: customer.tenantID, under: claim) { [now] db in
            try await db.raw(
                """
                UPDATE customer_steps SET state = 'done', lexoffice_id = \(bind: lexofficeID), note = \(bind: note), \
                finished_at = \(bind: now) WHERE customer_id = \(bind: customer.sequence) AND name = \(bind: name.rawValue)
                """
            ).run()
        }
    }

    package func completeSync(
        _ customer: StoredCustomer,
        agreed: CanonicalCustomer,
        conflicts: [CustomerFieldConflict],
        writtenAt: Date?,
        under claim: JobClaim
    ) async throws {
        let agreedJSON = agreed.canonicalJSON
        let conflictData =
            try conflicts.isEmpty ? nil : CustomerConflictEvent(customer, agreed: agreed, conflicts: conflicts).json
        // What lexoffice holds now differs from what the source sent (its side won, or it had more): the source
        // is told through the change feed.
        var sent = try customer.customer()
        sent.customerNumber = agreed.customerNumber
        let tellSource = sent != agreed
        let clock = queue.clock
        try await write(for: customer.tenantID, under: claim) { [now, activity, outbox] db in
            // The agreed state is what lexoffice holds now, whatever the source sent meanwhile; the customer is
            // synced only when the source's content is still the one merged (otherwise its new job syncs it).
            try await db.raw(
                """
                UPDATE source_customers SET synced_content = \(bind: agreedJSON), synced_at = \(bind: now), \
                lexoffice_written_at = COALESCE(\(bind: writtenAt?.millisecondsSince1970), lexoffice_written_at), \
                updated_at = \(bind: now), \
                sync_state = CASE WHEN content_hash = \(bind: customer.contentHash) THEN 'synced' ELSE sync_state END, \
                state_reason = CASE WHEN content_hash = \(bind: customer.contentHash) THEN NULL ELSE state_reason END, \
                synced_hash = CASE WHEN content_hash = \(bind: customer.contentHash) THEN content_hash ELSE synced_hash END \
                WHERE id = \(bind: customer.sequence)
                """
            ).run()
            try await activity.append(
                customer.tenantID,
                kind: "customer.synced",
                message: "source customer \(customer.sourceID) is in lexoffice as agreed",
                in: db
            )
            if tellSource, let contactID = try await Self.linkedContact(of: customer, in: db) {
                let change = NewCustomerChange(
                    kind: .changed,
                    lexofficeID: contactID,
                    customerNumber: agreed.customerNumber,
                    sourceID: customer.sourceID,
                    customer: agreed
                )
                _ = try await CustomerFeedStore.append(
                    change,
                    of: customer.tenantID,
                    at: clock.now,
                    outbox: outbox,
                    in: db
                )
            }
            guard let conflictData else { return }
            try await activity.append(
                customer.tenantID,
                kind: "customer.conflict",
                message: "source customer \(customer.sourceID): both sides changed "
                    + conflicts.map(\.pointer).joined(separator: ", ") + "; the tenant's policy settled it",
                details: conflictData,
                in: db
            )
            try await outbox.enqueue("customer.conflict", data: conflictData, for: customer.tenantID, in: db)
        }
    }

    /// The lexoffice contact the customer is linked to now (the stored customer may predate its link).
    private static func linkedContact(of customer: StoredCustomer, in db: any SQLDatabase) async throws -> String? {
        try await db.raw(
            """
            SELECT lexoffice_contact_id FROM contact_links WHERE tenant_id = \(bind: customer.tenantID.rawValue) \
            AND source_customer_id = \(bind: customer.sourceID)
            """
        ).first()?.decode(column: "lexoffice_contact_id", as: String.self)
    }

    package func hold(
        _ sourceID: String,
        of tenant: TenantID,
        in state: CustomerSyncState,
        reason: String,
        under claim: JobClaim
    ) async throws {
        let data = try KontorJSON.text(of: ["sourceId": sourceID, "reason": reason])
        try await write(for: tenant, under: claim) { [now, activity, outbox] db in
            try await db.raw(
                """
                UPDATE source_customers SET sync_state = \(bind: state.rawValue), state_reason = \(bind: reason), \
                updated_at = \(bind: now) WHERE tenant_id = \(bind: tenant.rawValue) AND source_id = \(bind: sourceID)
                """
            ).run()
            let kind = "customer.\(state.rawValue)"
            try await activity.append(tenant, kind: kind, message: "source customer \(sourceID): \(reason)", in: db)
            try await outbox.enqueue(kind, data: data, for: tenant, in: db)
        }
    }

    package func contactLink(for sourceCustomerID: String, of tenant: TenantID) async throws -> ContactLink? {
        try await links.contactLink(for: sourceCustomerID, of: tenant)
    }

    package func isLinked(_ lexofficeContactID: String, of tenant: TenantID) async throws -> Bool {
        try await links.isLinked(lexofficeContactID, of: tenant)
    }

    package func link(_ link: ContactLink, of tenant: TenantID, under claim: JobClaim) async throws {
        try await links.link(link, of: tenant, under: claim)
    }
}

/// The payload of a `customer.conflict` callback (and its activity entry's details): what both sides changed,
/// which value was kept, and the customer as lexoffice holds it now.
private struct CustomerConflictEvent: Encodable {
    struct Conflict: Encodable {
        var pointer: String
        var sourceValue: String?
        var lexofficeValue: String?
        var kept: String
    }

    var sourceId: String
    var lexofficeId: String?
    var conflicts: [Conflict]
    var customer: CanonicalCustomer

    init(_ stored: StoredCustomer, agreed: CanonicalCustomer, conflicts: [CustomerFieldConflict]) {
        sourceId = stored.sourceID
        lexofficeId = stored.lexofficeID
        self.conflicts = conflicts.map {
            Conflict(
                pointer: $0.pointer,
                sourceValue: $0.sourceValue,
                lexofficeValue: $0.lexofficeValue,
                kept: $0.kept.rawValue
            )
        }
        customer = agreed
    }

    var json: String { get throws { try KontorJSON.text(of: self) } }
}
