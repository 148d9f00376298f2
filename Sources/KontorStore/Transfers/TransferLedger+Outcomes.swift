import Foundation
import KontorCore
import KontorFlows
import SQLKit

extension TransferLedger {
    /// Ends the invoice's transfer: `transferred` with its results, an activity entry (a warning when the
    /// totals differ), and the `invoice.transferred` callback, all in one commit.
    package func complete(
        _ invoice: StoredSourceInvoice,
        with result: TransferResult,
        under claim: JobClaim
    ) async throws {
        try await write(for: invoice.tenantID, under: claim) { [now, activity, outbox] db in
            let updated = try await db.raw(
                """
                UPDATE source_invoices SET \(Self.setState(.complete)), state_reason = NULL, \
                lexoffice_id = \(bind: result.lexofficeID), lexoffice_type = \(bind: result.documentType), \
                voucher_number = \(bind: result.voucherNumber), \
                customer_number = \(bind: result.customerNumber), lexoffice_status = \(bind: result.lexofficeStatus), \
                totals_difference = \(bind: result.totalsDifference), updated_at = \(bind: now) \
                WHERE id = \(bind: invoice.sequence) AND \(Self.isSource(of: .complete)) RETURNING id
                """
            ).first()
            guard updated != nil else { return }
            let what = "\(result.documentType) \(result.voucherNumber ?? "(draft, no number yet)")"
            try await activity.append(
                invoice.tenantID,
                kind: "invoice.transferred",
                message: "source invoice \(invoice.number) is lexoffice \(what)",
                in: db
            )
            if let difference = result.totalsDifference {
                try await activity.append(
                    invoice.tenantID,
                    kind: "invoice.totals-differ",
                    message: "source invoice \(invoice.number): \(difference)",
                    in: db
                )
            }
            try await outbox.enqueue(
                "invoice.transferred",
                data: try Self.json([
                    "sourceId": invoice.sourceID, "documentType": result.documentType,
                    "lexofficeId": result.lexofficeID, "voucherNumber": result.voucherNumber,
                    "customerNumber": result.customerNumber, "status": result.lexofficeStatus,
                    "totalsDifference": result.totalsDifference,
                ]),
                for: invoice.tenantID,
                in: db
            )
        }
    }

    /// Ends the transfer of the tenant's invoice `sourceID` (`transferring`, or still `pending` when the job gave up
    /// before it began) as `failed` for `reason` (a retry starts it again), with an activity entry and an
    /// `invoice.failed` callback.
    package func fail(_ sourceID: String, of tenant: TenantID, reason: String, under claim: JobClaim) async throws {
        try await end(sourceID, of: tenant, by: .fail, reason: reason, under: claim)
    }

    /// Ends the transfer of the tenant's invoice `sourceID` (`transferring` or `pending`) as `skipped` for `reason`
    /// (it is kept, not sent), with an activity entry and an `invoice.skipped` callback.
    package func skip(_ sourceID: String, of tenant: TenantID, reason: String, under claim: JobClaim) async throws {
        try await end(sourceID, of: tenant, by: .skip, reason: reason, under: claim)
    }

    private func end(
        _ sourceID: String,
        of tenant: TenantID,
        by transition: TransferTransition,
        reason: String,
        under claim: JobClaim
    ) async throws {
        let state = transition.target
        try await write(for: tenant, under: claim) { [now, activity, outbox] db in
            let row = try await db.raw(
                """
                UPDATE source_invoices SET \(Self.setState(transition)), state_reason = \(bind: reason), \
                updated_at = \(bind: now) WHERE tenant_id = \(bind: tenant.rawValue) AND source_id = \(bind: sourceID) \
                AND \(Self.isSource(of: transition)) RETURNING *
                """
            ).first()
            guard let row else { return }
            let invoice = try StoredSourceInvoice(row: row)
            try await activity.append(
                tenant,
                kind: "invoice.\(state.rawValue)",
                message: "source invoice \(invoice.number) was not transferred: \(reason)",
                in: db
            )
            try await outbox.enqueue(
                "invoice.\(state.rawValue)",
                data: try Self.json(["sourceId": sourceID, "reason": reason]),
                for: tenant,
                in: db
            )
        }
    }

    /// A lexoffice draft the hub created was finalized in lexoffice: stores its number and status and tells the
    /// source with an `invoice.finalized` callback.
    /// - Returns: `false` when no transferred draft of the tenant has that lexoffice id.
    @discardableResult
    package func recordFinalization(
        lexofficeID: String,
        voucherNumber: String?,
        status: String,
        of tenant: TenantID,
        under claim: JobClaim
    ) async throws -> Bool {
        try await write(for: tenant, under: claim) { [now, activity, outbox] db in
            let row = try await db.raw(
                """
                UPDATE source_invoices SET voucher_number = \(bind: voucherNumber), lexoffice_status = \(bind: status), \
                updated_at = \(bind: now) WHERE tenant_id = \(bind: tenant.rawValue) \
                AND lexoffice_id = \(bind: lexofficeID) AND lexoffice_status = 'draft' RETURNING *
                """
            ).first()
            guard let row else { return false }
            let invoice = try StoredSourceInvoice(row: row)
            try await activity.append(
                tenant,
                kind: "invoice.finalized",
                message: "source invoice \(invoice.number) was finalized in lexoffice as \(voucherNumber ?? "?")",
                in: db
            )
            try await outbox.enqueue(
                "invoice.finalized",
                data: try Self.json([
                    "sourceId": invoice.sourceID, "lexofficeId": lexofficeID, "voucherNumber": voucherNumber,
                    "customerNumber": invoice.customerNumber, "status": status,
                ]),
                for: tenant,
                in: db
            )
            return true
        }
    }
}
