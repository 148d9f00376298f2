import Foundation
import KontorCore
import KontorFlows
import SQLKit

/// What saving a source invoice did.
package enum SourceInvoiceSave: Sendable, Equatable {
    /// A new invoice was stored.
    case created(StoredSourceInvoice)
    /// A stored invoice (not yet sent to lexoffice) was replaced by a changed version.
    case updated(StoredSourceInvoice)
    /// The same content was stored before; nothing changed but, where it differs, the payment status.
    case unchanged(StoredSourceInvoice)

    /// The invoice as stored now.
    package var invoice: StoredSourceInvoice {
        switch self {
        case .created(let invoice), .updated(let invoice), .unchanged(let invoice): invoice
        }
    }
}

/// Keeps the invoices source applications send, and decides on receipt whether each is to be transferred:
/// with the tenant's auto transfer on, a finalized invoice's transfer job is queued in the same commit; drafts
/// are only stored; invoices dated before the tenant's activation or received while it is inactive are
/// stored as skipped with the reason; an invoice lexoffice may already hold cannot change (the decisions are the
/// transfer flow's ``TransferAdmission``; the store applies them in the commit that stores the invoice).
package struct SourceInvoiceStore: Sendable {
    let database: any StoreDatabase
    let clock: any WallClock

    /// A store in `database` (migrated).
    package init(database: any StoreDatabase, clock: any WallClock = SystemWallClock()) {
        self.database = database
        self.clock = clock
    }

    /// Stores `incoming`, or recognizes it as unchanged. Whether it is to be transferred is decided on the tenant
    /// as stored when the save commits.
    /// - Throws: ``StoreError`` `unknown-tenant` when its tenant does not exist; `unknown-cancelled-invoice` when
    ///   `cancels` names no stored invoice of the tenant (detail names it); `invoice-sent` when the invoice changed
    ///   after it was sent to lexoffice (or a step of its transfer was recorded).
    package func save(_ incoming: IncomingSourceInvoice) async throws -> SourceInvoiceSave {
        try await database.groupedTransaction { db in
            guard let tenant = try await Self.receivingTenant(incoming.tenantID, in: db) else {
                throw StoreError(.unknownTenant, "tenant '\(incoming.tenantID)' does not exist")
            }
            if let cancels = incoming.cancels, try await Self.invoice(cancels, of: incoming.tenantID, in: db) == nil {
                throw StoreError(
                    .unknownCancelledInvoice,
                    "no invoice with source id '\(cancels)' was received for this tenant"
                )
            }
            let (state, reason) = TransferAdmission.initialState(of: incoming, tenant: tenant.activation)
            let now = clock.nowMilliseconds
            let saved: SourceInvoiceSave
            // A new invoice is stored at once; one received before is left by the insert to the checks below.
            if let created = try await Self.insert(incoming, state: state, reason: reason, at: now, in: db) {
                saved = .created(created)
            } else {
                guard let existing = try await Self.invoice(incoming.sourceID, of: incoming.tenantID, in: db) else {
                    throw StoreError(.inconsistent, "the invoice was neither stored nor found")
                }
                if existing.fingerprint == incoming.fingerprint {
                    guard existing.paymentStatus != incoming.paymentStatus else { return .unchanged(existing) }
                    return .unchanged(
                        try await Self.updatePaymentStatus(of: existing, to: incoming.paymentStatus, at: now, in: db)
                    )
                }
                let hasSteps = try await Self.hasSteps(existing, in: db)
                if let refusal = TransferAdmission.refusalOfChange(to: existing, hasSteps: hasSteps) {
                    throw StoreError(.invoiceSent, refusal)
                }
                saved = .updated(
                    try await Self.update(existing, to: incoming, state: state, reason: reason, at: now, in: db)
                )
            }
            if state == .pending, tenant.autoTransfer {
                let job = TransferJob(sourceID: saved.invoice.sourceID).newJob(
                    for: incoming.tenantID,
                    trigger: "save-v\(saved.invoice.version)"
                )
                _ = try await JobQueue(database: database, clock: clock).enqueue(job, in: db)
            }
            return saved
        }
    }

    /// Stores a new invoice, or nothing when the tenant's invoice with that source id was received before.
    /// - Returns: The stored invoice (only its id is read back: the rest is what the statement wrote), or `nil`.
    private static func insert(
        _ incoming: IncomingSourceInvoice,
        state: TransferState,
        reason: String?,
        at now: Int64,
        in db: any SQLDatabase
    ) async throws -> StoredSourceInvoice? {
        let row = try await db.raw(
            """
            INSERT INTO source_invoices (tenant_id, source_id, number, invoice_date, status, cancels, content, \
            fingerprint, transfer_state, state_reason, received_at, updated_at, version, payment_status) \
            VALUES (\(bind: incoming.tenantID.rawValue), \(bind: incoming.sourceID), \(bind: incoming.number), \
            \(bind: incoming.invoiceDate), \(bind: incoming.status), \(bind: incoming.cancels), \
            \(bind: incoming.content), \(bind: incoming.fingerprint), \(bind: state.rawValue), \(bind: reason), \
            \(bind: now), \(bind: now), 1, \(bind: incoming.paymentStatus)) \
            ON CONFLICT (tenant_id, source_id) DO NOTHING RETURNING id
            """
        ).first()
        guard let row else { return nil }
        return StoredSourceInvoice(
            sequence: try row.decode(column: "id", as: Int64.self),
            received: incoming,
            transferState: state,
            stateReason: reason,
            receivedAt: Date(millisecondsSince1970: now),
            updatedAt: Date(millisecondsSince1970: now),
            version: 1
        )
    }

    /// Replaces the content of `existing` (not yet sent to lexoffice) with `incoming`.
    private static func update(
        _ existing: StoredSourceInvoice,
        to incoming: IncomingSourceInvoice,
        state: TransferState,
        reason: String?,
        at now: Int64,
        in db: any SQLDatabase
    ) async throws -> StoredSourceInvoice {
        let row = try await db.raw(
            """
            UPDATE source_invoices SET number = \(bind: incoming.number), \
            invoice_date = \(bind: incoming.invoiceDate), status = \(bind: incoming.status), \
            cancels = \(bind: incoming.cancels), content = \(bind: incoming.content), \
            fingerprint = \(bind: incoming.fingerprint), transfer_state = \(bind: state.rawValue), \
            payment_status = \(bind: incoming.paymentStatus), \
            state_reason = \(bind: reason), updated_at = \(bind: now), version = version + 1 \
            WHERE id = \(bind: existing.sequence) RETURNING *
            """
        ).first()
        guard let row else { throw StoreError(.inconsistent, "the invoice was neither stored nor found") }
        return try StoredSourceInvoice(row: row)
    }

    /// Changes only the payment status of `existing` (allowed in every state: it is not sent to lexoffice).
    private static func updatePaymentStatus(
        of existing: StoredSourceInvoice,
        to paymentStatus: String?,
        at now: Int64,
        in db: any SQLDatabase
    ) async throws -> StoredSourceInvoice {
        let row = try await db.raw(
            """
            UPDATE source_invoices SET payment_status = \(bind: paymentStatus), updated_at = \(bind: now) \
            WHERE id = \(bind: existing.sequence) RETURNING *
            """
        ).first()
        guard let row else { throw StoreError(.inconsistent, "the invoice was neither stored nor found") }
        return try StoredSourceInvoice(row: row)
    }

    /// Whether a step of the invoice's transfer was recorded.
    private static func hasSteps(_ invoice: StoredSourceInvoice, in db: any SQLDatabase) async throws -> Bool {
        try await db.raw(
            "SELECT 1 AS recorded FROM transfer_steps WHERE invoice_id = \(bind: invoice.sequence) LIMIT 1"
        )
        .first() != nil
    }

    /// The tenant's invoice with `sourceID`, or `nil`.
    package func invoice(_ sourceID: String, of tenant: TenantID) async throws -> StoredSourceInvoice? {
        try await database.read { db in try await Self.invoice(sourceID, of: tenant, in: db) }
    }

    /// The tenant's invoices in the order received, after `cursor`, optionally only those in `state`, dated
    /// within `from`...`to` (`YYYY-MM-DD`, both inclusive) and whose number starts with `numberPrefix`.
    package func invoices(
        of tenant: TenantID,
        state: TransferState? = nil,
        from: String? = nil,
        to: String? = nil,
        numberPrefix: String? = nil,
        after cursor: Int64? = nil,
        limit: Int = 50
    ) async throws -> [StoredSourceInvoice] {
        var query: SQLQueryString = """
            SELECT * FROM source_invoices WHERE tenant_id = \(bind: tenant.rawValue) AND id > \(bind: cursor ?? 0)
            """
        if let state { query += " AND transfer_state = \(bind: state.rawValue)" }
        if let from { query += " AND invoice_date >= \(bind: from)" }
        if let to { query += " AND invoice_date <= \(bind: to)" }
        if let numberPrefix, !numberPrefix.isEmpty {
            // substr, not LIKE: a number may hold % or _.
            query += " AND substr(number, 1, \(literal: numberPrefix.unicodeScalars.count)) = \(bind: numberPrefix)"
        }
        query += " ORDER BY id LIMIT \(literal: max(1, min(limit, 1000)))"
        let finalQuery = query
        return try await database.read { db in
            try await db.raw(finalQuery).all().map(StoredSourceInvoice.init(row:))
        }
    }

    private static func invoice(
        _ sourceID: String,
        of tenant: TenantID,
        in db: any SQLDatabase
    ) async throws
        -> StoredSourceInvoice?
    {
        try await db.raw(
            """
            SELECT * FROM source_invoices WHERE tenant_id = \(bind: tenant.rawValue) AND source_id = \(bind: sourceID)
            """
        ).first().map(StoredSourceInvoice.init(row:))
    }

    /// What a save decides on: the tenant's activation and auto transfer setting.
    private struct ReceivingTenant {
        var activation: TransferAdmission.Tenant
        var autoTransfer: Bool
    }

    /// The columns of the tenant `id` a save decides on (a save reads nothing more), or `nil`.
    private static func receivingTenant(_ id: TenantID, in db: any SQLDatabase) async throws -> ReceivingTenant? {
        guard
            let row = try await db.raw(
                "SELECT is_active, active_since, auto_transfer FROM tenants WHERE id = \(bind: id.rawValue)"
            ).first()
        else { return nil }
        return ReceivingTenant(
            activation: TransferAdmission.Tenant(
                isActive: try row.decode(column: "is_active", as: Bool.self),
                activeSince: try row.decode(column: "active_since", as: Int64?.self).map(
                    Date.init(millisecondsSince1970:)
                )
            ),
            autoTransfer: try row.decode(column: "auto_transfer", as: Bool.self)
        )
    }
}
