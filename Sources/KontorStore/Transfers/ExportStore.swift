import Foundation
import KontorCore
import KontorFlows
import SQLKit

/// A bulk export of a tenant's stored source invoices and its progress.
package struct InvoiceExport: Sendable, Equatable {
    /// The export's id.
    package var id: Int64
    /// The tenant.
    package var tenantID: TenantID
    /// The first invoice date included (`YYYY-MM-DD`).
    package var from: String
    /// The last invoice date included (`YYYY-MM-DD`).
    package var to: String
    /// The source statuses included.
    package var statuses: [String]
    /// The source payment statuses included; `nil`: any, also none.
    package var paymentStatuses: [String]?
    /// When it was started.
    package var createdAt: Date
    /// Invoices the export took.
    package var total: Int
    /// Of those queued for transfer, now in lexoffice.
    package var done: Int
    /// Of those queued for transfer, failed.
    package var failed: Int
    /// Not queued: already transferred, drafts, skipped ones (with their reasons on the invoices).
    package var skipped: Int

    /// Queued and not finished yet.
    package var pending: Int { total - done - failed - skipped }
}

/// Starts bulk exports (DESIGN.md §1 flow 1) and reports their progress. An export takes the tenant's stored
/// invoices dated within a range and of the chosen source statuses; each finalized one that is pending or failed
/// (``TransferTransition/export``) is queued for transfer. Limited to payment statuses, an export takes only
/// invoices the source gave one of them (an invoice without a payment status is not taken then) (one job each, in the order received, committed with the export); everything else
/// (already transferred, being transferred, drafts, skipped) is counted as skipped. A second export of the same
/// range therefore skips what the first one transferred.
package struct ExportStore: Sendable {
    private let queue: JobQueue

    /// Exports in `queue`'s database.
    package init(queue: JobQueue) {
        self.queue = queue
    }

    /// Starts an export for `tenant`: a few set-wise statements in one grouped commit, however many invoices it
    /// takes, so that many exports started at once do not queue behind each other's disk flushes.
    package func start(
        for tenant: TenantID,
        from: SourceDate,
        to: SourceDate,
        statuses: [SourceInvoiceStatus],
        paymentStatuses: [SourcePaymentStatus]? = nil
    ) async throws -> InvoiceExport {
        let names = statuses.map(\.rawValue)
        let paymentNames = paymentStatuses?.map(\.rawValue)
        let queue = queue
        let id = try await queue.database.groupedTransaction { db in
            let now = queue.clock.nowMilliseconds
            guard
                let row = try await db.raw(
                    """
                    INSERT INTO exports (tenant_id, from_date, to_date, statuses, created_at, payment_statuses) VALUES \
                    (\(bind: tenant.rawValue), \(bind: from.description), \(bind: to.description), \
                    \(bind: names.joined(separator: ",")), \(bind: now), \
                    \(bind: paymentNames?.joined(separator: ","))) RETURNING id
                    """
                ).first()
            else { throw StoreError(.inconsistent, "the export was not stored") }
            let id = try row.decode(column: "id", as: Int64.self)
            var taken: SQLQueryString = """
                tenant_id = \(bind: tenant.rawValue) AND invoice_date >= \(bind: from.description) \
                AND invoice_date <= \(bind: to.description) AND status IN (\(binds: names))
                """
            if let paymentNames { taken += " AND payment_status IN (\(binds: paymentNames))" }
            let transferable: SQLQueryString = """
                status = \(bind: SourceInvoiceStatus.finalized.rawValue) \
                AND \(TransferLedger.isSource(of: .export))
                """
            try await db.raw(
                """
                INSERT INTO export_items (export_id, invoice_id, queued) \
                SELECT \(bind: id), id, CASE WHEN \(transferable) THEN 1 ELSE 0 END \
                FROM source_invoices WHERE \(taken)
                """
            ).run()
            let sourceIDs = try await db.raw(
                "SELECT source_id FROM source_invoices WHERE \(taken) AND \(transferable) ORDER BY id"
            ).all().map { try $0.decode(column: "source_id", as: String.self) }
            try await db.raw(
                """
                UPDATE source_invoices SET \(TransferLedger.setState(.export)), state_reason = NULL, \
                updated_at = \(bind: now) WHERE \(taken) AND \(transferable)
                """
            ).run()
            try await queue.enqueue(
                contentsOf: sourceIDs.map { TransferJob(sourceID: $0).newJob(for: tenant, trigger: "export-\(id)") },
                in: db
            )
            return id
        }
        guard let export = try await export(id, of: tenant) else {
            throw StoreError(.inconsistent, "the export \(id) was not found after it was stored")
        }
        return export
    }

    /// The tenant's export `id` with its progress, or `nil`.
    package func export(_ id: Int64, of tenant: TenantID) async throws -> InvoiceExport? {
        try await queue.database.read { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT e.id, e.tenant_id, e.from_date, e.to_date, e.statuses, e.payment_statuses, e.created_at, \
                    COUNT(x.invoice_id) AS total, \
                    SUM(CASE WHEN x.queued = 1 AND s.transfer_state = 'transferred' THEN 1 ELSE 0 END) AS done, \
                    SUM(CASE WHEN x.queued = 1 AND s.transfer_state IN ('failed', 'skipped') THEN 1 ELSE 0 END) \
                    AS failed, SUM(CASE WHEN x.queued = 0 THEN 1 ELSE 0 END) AS skipped \
                    FROM exports e LEFT JOIN export_items x ON x.export_id = e.id \
                    LEFT JOIN source_invoices s ON s.id = x.invoice_id \
                    WHERE e.id = \(bind: id) AND e.tenant_id = \(bind: tenant.rawValue) \
                    GROUP BY e.id, e.tenant_id, e.from_date, e.to_date, e.statuses, e.payment_statuses, e.created_at
                    """
                ).first()
            else { return nil }
            let statuses = try row.decode(column: "statuses", as: String.self)
            return InvoiceExport(
                id: try row.decode(column: "id", as: Int64.self),
                tenantID: tenant,
                from: try row.decode(column: "from_date", as: String.self),
                to: try row.decode(column: "to_date", as: String.self),
                statuses: statuses.split(separator: ",").map(String.init),
                paymentStatuses: try row.decode(column: "payment_statuses", as: String?.self)?
                    .split(separator: ",").map(String.init),
                createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
                total: try row.decode(column: "total", as: Int.self),
                done: try row.decode(column: "done", as: Int?.self) ?? 0,
                failed: try row.decode(column: "failed", as: Int?.self) ?? 0,
                skipped: try row.decode(column: "skipped", as: Int?.self) ?? 0
            )
        }
    }
}
