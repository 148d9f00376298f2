import Foundation
import KontorCore
import KontorFlows
import SQLKit

/// The durable record of forwardings, the store's side of the forwarding flow's ``ForwardingRecords`` port: every
/// write made for a job commits only under the job's ``JobClaim``, the end of a forwarding together with its
/// activity entry and its callback to the source (`document.forwarded`, `document.skipped`, `document.failed`).
package struct ForwardingLedger: ForwardingRecords {
    let queue: JobQueue
    let activity: ActivityLog
    let outbox: CallbackOutbox

    /// A ledger in `queue`'s database.
    package init(queue: JobQueue) {
        self.queue = queue
        activity = ActivityLog(database: queue.database, clock: queue.clock)
        outbox = CallbackOutbox(queue: queue)
    }

    private var database: any StoreDatabase { queue.database }
    private var now: Int64 { queue.clock.nowMilliseconds }

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

    package func settings(of tenant: TenantID) async throws -> ForwardingSettings {
        try await database.read { db in try await ForwardingStore.settings(of: tenant, in: db) }
    }

    package func document(_ id: String, of tenant: TenantID) async throws -> ForwardedDocument? {
        try await database.read { db in try await ForwardingStore.document(id: id, of: tenant, in: db) }
    }

    package func content(of document: ForwardedDocument) async throws -> Data? {
        try await database.read { db in
            try await db.raw("SELECT content FROM forwarded_documents WHERE sequence = \(bind: document.sequence)")
                .first()?.decode(column: "content", as: Data.self)
        }
    }

    package func steps(of document: ForwardedDocument) async throws -> [TransferStep] {
        try await database.read { db in try await ForwardingStore.steps(of: document, in: db) }
    }

    package func recordIntent(
        _ name: TransferStep.Name,
        fingerprint: String,
        of document: ForwardedDocument,
        under claim: JobClaim
    ) async throws {
        try await write(for: document.tenantID, under: claim) { [now] db in
            try await db.raw(
                """
                INSERT INTO forwarding_steps (document_sequence, tenant_id, name, state, fingerprint, started_at) \
                VALUES (\(bind: document.sequence), \(bind: document.tenantID.rawValue), \(bind: name.rawValue), \
                'intent', \(bind: fingerprint), \(bind: now)) ON CONFLICT (document_sequence, name) DO UPDATE SET \
                state = 'intent', fingerprint = excluded.fingerprint, started_at = excluded.started_at, \
                finished_at = NULL, lexoffice_id = NULL, note = NULL WHERE forwarding_steps.state = 'intent'
                """
            ).run()
        }
    }

    package func recordDone(
        _ name: TransferStep.Name,
        lexofficeID: String,
        note: String?,
        of document: ForwardedDocument,
        under claim: JobClaim
    ) async throws {
        try await write(for: document.tenantID, under: claim) { [now] db in
            try await db.raw(
                """
                UPDATE forwarding_steps SET state = 'done', lexoffice_id = \(bind: lexofficeID), note = \(bind: note), \
                finished_at = \(bind: now) WHERE document_sequence = \(bind: document.sequence) \
                AND name = \(bind: name.rawValue)
                """
            ).run()
        }
    }

    package func isRecorded(_ lexofficeID: String, of tenant: TenantID) async throws -> Bool {
        try await database.read { db in
            try await db.raw(
                """
                SELECT 1 AS found FROM forwarding_steps WHERE tenant_id = \(bind: tenant.rawValue) \
                AND lexoffice_id = \(bind: lexofficeID) AND state = 'done'
                """
            ).first() != nil
        }
    }

    package func forwardedContent(sha256: String, of tenant: TenantID) async throws -> ForwardingOutcome? {
        try await database.read { db in
            guard
                let row = try await db.raw(
                    """
                    SELECT voucher_id, file_id FROM forwarded_documents WHERE tenant_id = \(bind: tenant.rawValue) \
                    AND sha256 = \(bind: sha256) AND state = \(bind: ForwardingState.forwarded.rawValue) \
                    ORDER BY sequence LIMIT 1
                    """
                ).first()
            else { return nil }
            return ForwardingOutcome(
                voucherID: try row.decode(column: "voucher_id", as: String?.self),
                fileID: try row.decode(column: "file_id", as: String?.self),
                note: nil
            )
        }
    }

    package func complete(
        _ document: ForwardedDocument,
        with outcome: ForwardingOutcome,
        under claim: JobClaim
    ) async throws {
        try await write(for: document.tenantID, under: claim) { [now, activity, outbox] db in
            try await db.raw(
                """
                UPDATE forwarded_documents SET state = \(bind: ForwardingState.forwarded.rawValue), \
                reason = \(bind: outcome.note), voucher_id = \(bind: outcome.voucherID), \
                file_id = \(bind: outcome.fileID), updated_at = \(bind: now) WHERE sequence = \(bind: document.sequence)
                """
            ).run()
            try await activity.append(
                document.tenantID,
                kind: "document.forwarded",
                message: "document \(document.externalID) forwarded to lexoffice",
                in: db
            )
            try await outbox.enqueue(
                "document.forwarded",
                data: try Self.callback(
                    document,
                    ["voucherId": outcome.voucherID, "fileId": outcome.fileID, "note": outcome.note]
                ),
                for: document.tenantID,
                in: db
            )
        }
    }

    package func end(
        _ document: ForwardedDocument,
        in state: ForwardingState,
        reason: String,
        under claim: JobClaim
    ) async throws {
        try await write(for: document.tenantID, under: claim) { [now, activity, outbox] db in
            try await db.raw(
                """
                UPDATE forwarded_documents SET state = \(bind: state.rawValue), reason = \(bind: reason), \
                updated_at = \(bind: now) WHERE sequence = \(bind: document.sequence)
                """
            ).run()
            try await activity.append(
                document.tenantID,
                kind: "document.\(state.rawValue)",
                message: "document \(document.externalID) \(state.rawValue): \(reason)",
                in: db
            )
            try await outbox.enqueue(
                "document.\(state.rawValue)",
                data: try Self.callback(document, ["reason": reason]),
                for: document.tenantID,
                in: db
            )
        }
    }

    package func noteWaiting(_ document: ForwardedDocument, reason: String, under claim: JobClaim) async throws {
        try await write(for: document.tenantID, under: claim) { [now] db in
            try await db.raw(
                """
                UPDATE forwarded_documents SET reason = \(bind: reason), updated_at = \(bind: now) \
                WHERE sequence = \(bind: document.sequence) AND state = \(bind: ForwardingState.pending.rawValue)
                """
            ).run()
        }
    }

    /// The data of a document's callback: its ids and direction with `members`.
    private static func callback(_ document: ForwardedDocument, _ members: [String: String?]) throws -> String {
        var data: [String: String?] = [
            "id": document.id, "externalId": document.externalID, "direction": document.direction.rawValue,
        ]
        data.merge(members) { _, new in new }
        return try KontorJSON.text(of: data)
    }
}
