import Foundation
import KontorCore
import KontorFlows
import SQLKit

/// The durable record of invoice transfers (DESIGN.md §5): which invoice a worker is transferring, every write
/// as a step (intent before the call, done after it), the contact links, and the end of a transfer committed
/// together with its activity entry and its callback to the source, so the source hears of each transfer once
/// (with an event id that stays the same across delivery retries). It is the store's side of the transfer flow's
/// ``TransferRecords`` port: state changes follow the flow's ``TransferTransition``s, and every write made for a job
/// commits only under the job's ``JobClaim``.
package struct TransferLedger: TransferRecords {
    let queue: JobQueue
    let outbox: CallbackOutbox
    let activity: ActivityLog

    /// A ledger in `queue`'s database.
    package init(queue: JobQueue) {
        self.queue = queue
        self.outbox = CallbackOutbox(queue: queue)
        self.activity = ActivityLog(database: queue.database, clock: queue.clock)
    }

    /// The queue's database, which holds the ledger.
    var database: any StoreDatabase { queue.database }
    /// The queue clock's time in milliseconds.
    var now: Int64 { queue.clock.nowMilliseconds }

    /// The transaction of a write made for a job: `body` runs after the claim is verified, in the same commit.
    func write<Value: Sendable>(
        for tenant: TenantID,
        under claim: JobClaim,
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Value
    ) async throws -> Value {
        let kind = database.kind
        return try await database.groupedTransaction { db in
            try await claim.verify(for: tenant, in: db, kind: kind)
            return try await body(db)
        }
    }

    /// Takes the tenant's invoice `sourceID` for a transfer attempt (``TransferTransition/begin``).
    /// - Returns: The invoice, or `nil` when there is nothing to transfer (already transferred, a draft, skipped,
    ///   or unknown).
    package func begin(
        _ sourceID: String,
        of tenant: TenantID,
        under claim: JobClaim
    ) async throws -> StoredSourceInvoice? {
        try await write(for: tenant, under: claim) { [now] db in
            try await db.raw(
                """
                UPDATE source_invoices SET \(Self.setState(.begin)), state_reason = NULL, \
                updated_at = \(bind: now) WHERE tenant_id = \(bind: tenant.rawValue) AND source_id = \(bind: sourceID) \
                AND \(Self.isSource(of: .begin)) RETURNING *
                """
            ).first().map(StoredSourceInvoice.init(row:))
        }
    }

    /// `transfer_state = <the transition's target>`.
    static func setState(_ transition: TransferTransition) -> SQLQueryString {
        "transfer_state = \(bind: transition.target.rawValue)"
    }

    /// `transfer_state IN (<the transition's sources>)`.
    static func isSource(of transition: TransferTransition, column: String = "transfer_state") -> SQLQueryString {
        "\(unsafeRaw: column) IN (\(binds: transition.sourceNames))"
    }

    /// The tenant's invoice `sourceID`, or `nil`.
    package func invoice(_ sourceID: String, of tenant: TenantID) async throws -> StoredSourceInvoice? {
        try await SourceInvoiceStore(database: database, clock: queue.clock).invoice(sourceID, of: tenant)
    }

    /// Queues the tenant's invoice `sourceID` for another transfer (``TransferTransition/retry``): a `failed`,
    /// `pending` or `transferring` invoice (whose job gave up, e.g. while its cancellation was transferred) becomes
    /// `pending` with a new transfer job (in the same commit). Safe while a job still runs: the tenant's jobs run one at a time and a
    /// transfer's writes are steps that are never sent twice.
    /// - Returns: The invoice, or `nil` when the tenant has no such invoice.
    /// - Throws: ``StoreError`` `conflict` when the invoice is in another state (the detail says which).
    package func requeue(_ sourceID: String, of tenant: TenantID) async throws -> StoredSourceInvoice? {
        try await database.groupedTransaction { db in
            let row = try await db.raw(
                """
                UPDATE source_invoices SET \(Self.setState(.retry)), state_reason = NULL, updated_at = \(bind: now) \
                WHERE tenant_id = \(bind: tenant.rawValue) AND source_id = \(bind: sourceID) \
                AND \(Self.isSource(of: .retry)) RETURNING *
                """
            ).first()
            guard let row else {
                let existing = try await db.raw(
                    """
                    SELECT transfer_state FROM source_invoices WHERE tenant_id = \(bind: tenant.rawValue) \
                    AND source_id = \(bind: sourceID)
                    """
                ).first()
                guard let existing else { return nil }
                let state = try existing.decode(column: "transfer_state", as: String.self)
                throw StoreError(
                    .invalidState,
                    "the invoice is \(state); only failed, pending or unfinished invoices are retried"
                )
            }
            let invoice = try StoredSourceInvoice(row: row)
            let job = TransferJob(sourceID: sourceID).newJob(for: tenant, trigger: "retry-\(now)")
            _ = try await queue.enqueue(job, in: db)
            return invoice
        }
    }

    /// The invoice's steps, in the order they were first recorded.
    package func steps(of invoice: StoredSourceInvoice) async throws -> [TransferStep] {
        try await database.read { db in
            try await db.raw("SELECT * FROM transfer_steps WHERE invoice_id = \(bind: invoice.sequence) ORDER BY id")
                .all().map(TransferStep.init(row:))
        }
    }

    /// Records that the step's request is about to be sent (again: a step still in intent keeps its row with the
    /// new time and fingerprint). Must be committed before the request goes out.
    package func recordIntent(
        _ name: TransferStep.Name,
        fingerprint: String,
        of invoice: StoredSourceInvoice,
        under claim: JobClaim
    ) async throws {
        try await write(for: invoice.tenantID, under: claim) { [now] db in
            try await db.raw(
                """
                INSERT INTO transfer_steps (invoice_id, name, state, fingerprint, started_at) \
                VALUES (\(bind: invoice.sequence), \(bind: name.rawValue), 'intent', \(bind: fingerprint), \(bind: now)) \
                ON CONFLICT (invoice_id, name) DO UPDATE SET fingerprint = excluded.fingerprint, \
                started_at = excluded.started_at WHERE transfer_steps.state = 'intent'
                """
            ).run()
        }
    }

    /// Records what lexoffice created for the step.
    package func recordDone(
        _ name: TransferStep.Name,
        lexofficeID: String,
        note: String?,
        of invoice: StoredSourceInvoice,
        under claim: JobClaim
    ) async throws {
        try await write(for: invoice.tenantID, under: claim) { [now] db in
            try await db.raw(
                """
                UPDATE transfer_steps SET state = 'done', lexoffice_id = \(bind: lexofficeID), note = \(bind: note), \
                finished_at = \(bind: now) WHERE invoice_id = \(bind: invoice.sequence) AND name = \(bind: name.rawValue)
                """
            ).run()
        }
    }

    /// Whether `lexofficeID` is already the result of one of the tenant's transfer steps (a document found in
    /// doubt must not be another invoice's).
    package func isRecorded(_ lexofficeID: String, of tenant: TenantID) async throws -> Bool {
        try await database.read { db in
            try await db.raw(
                """
                SELECT 1 AS recorded FROM transfer_steps s JOIN source_invoices i ON i.id = s.invoice_id \
                WHERE i.tenant_id = \(bind: tenant.rawValue) AND s.lexoffice_id = \(bind: lexofficeID)
                """
            ).first() != nil
        }
    }

    /// The lexoffice contact linked to the tenant's source customer, or `nil`.
    package func contactLink(for sourceCustomerID: String, of tenant: TenantID) async throws -> ContactLink? {
        try await ContactLinkTable(queue: queue).contactLink(for: sourceCustomerID, of: tenant)
    }

    /// Whether a link of the tenant already points to `lexofficeContactID`.
    package func isLinked(_ lexofficeContactID: String, of tenant: TenantID) async throws -> Bool {
        try await ContactLinkTable(queue: queue).isLinked(lexofficeContactID, of: tenant)
    }

    /// Links the tenant's source customer to a lexoffice contact and tells the source (`customer.linked`).
    package func link(_ link: ContactLink, of tenant: TenantID, under claim: JobClaim) async throws {
        try await ContactLinkTable(queue: queue).link(link, of: tenant, under: claim)
    }

    /// The tenant's invoice whose lexoffice document is `lexofficeID`, or `nil`.
    package func invoice(lexofficeID: String, of tenant: TenantID) async throws -> StoredSourceInvoice? {
        try await database.read { db in
            try await db.raw(
                """
                SELECT * FROM source_invoices WHERE tenant_id = \(bind: tenant.rawValue) \
                AND lexoffice_id = \(bind: lexofficeID)
                """
            ).first().map(StoredSourceInvoice.init(row:))
        }
    }

    /// JSON text of `members`, keys sorted (`nil` values become `null`). `JSONEncoder` rather than
    /// `JSONSerialization`, which took 5 % of the hub's CPU time in the many-tenant transfer benchmark.
    static func json(_ members: [String: String?]) throws -> String {
        try KontorJSON.text(of: members)
    }
}
