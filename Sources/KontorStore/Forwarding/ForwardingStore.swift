import Foundation
import KontorCore
import KontorFlows
import SQLKit

/// Keeps the documents partners post to tenants' inboxes and the tenants' forwarding settings (issue 26), for the
/// hub API: a new document is stored with its forwarding job in one commit; the same `externalId` with the same
/// content again changes nothing; with other content it is refused.
package struct ForwardingStore: DocumentInbox {
    let queue: JobQueue

    /// A store in `queue`'s database (migrated).
    package init(queue: JobQueue) {
        self.queue = queue
    }

    private var database: any StoreDatabase { queue.database }

    /// Stores `incoming` and queues its forwarding, or recognizes it as received before.
    /// - Throws: ``StoreError`` `unknown-tenant` when its tenant does not exist; `duplicate` when the tenant's
    ///   `externalId` was received before with other content.
    package func receive(_ incoming: IncomingDocument) async throws -> DocumentIntake {
        let now = queue.clock.nowMilliseconds
        let id = UUID().uuidString.lowercased()
        let queue = queue
        return try await database.transaction { db in
            guard
                try await db.raw("SELECT 1 AS found FROM tenants WHERE id = \(bind: incoming.tenantID.rawValue)")
                    .first() != nil
            else {
                throw StoreError(.unknownTenant, "tenant '\(incoming.tenantID)' does not exist")
            }
            let inserted = try await db.raw(
                """
                INSERT INTO forwarded_documents (id, tenant_id, external_id, direction, released_at, note, file_name, \
                media_type, sha256, size, content, state, received_at, updated_at) VALUES (\(bind: id), \
                \(bind: incoming.tenantID.rawValue), \(bind: incoming.externalID), \
                \(bind: incoming.direction.rawValue), \(bind: incoming.releasedAt.millisecondsSince1970), \
                \(bind: incoming.note), \(bind: incoming.fileName), \(bind: incoming.mediaType), \
                \(bind: incoming.sha256), \(bind: Int64(incoming.content.count)), \(bind: incoming.content), \
                \(bind: ForwardingState.pending.rawValue), \(bind: now), \(bind: now)) \
                ON CONFLICT (tenant_id, external_id) DO NOTHING RETURNING \(unsafeRaw: ForwardedDocument.columns)
                """
            ).first()
            if let inserted {
                let document = try ForwardedDocument(row: inserted)
                _ = try await queue.enqueue(
                    ForwardingJob(sourceID: document.id).newJob(for: incoming.tenantID, trigger: "received"),
                    in: db
                )
                return .created(document)
            }
            guard
                let existing = try await Self.document(externalID: incoming.externalID, of: incoming.tenantID, in: db)
            else {
                throw StoreError(.inconsistent, "the document was neither stored nor found by its external id")
            }
            guard existing.sha256 == incoming.sha256 else {
                throw StoreError(
                    .duplicate,
                    "a document with externalId '\(incoming.externalID)' was received before with other content"
                )
            }
            return .unchanged(existing)
        }
    }

    package func isDuplicate(_ error: any Error) -> Bool {
        (error as? StoreError)?.code == .duplicate
    }

    /// The tenant's document `id`, or `nil`.
    package func document(_ id: String, of tenant: TenantID) async throws -> ForwardedDocument? {
        try await database.read { db in
            try await db.raw(
                """
                SELECT \(unsafeRaw: ForwardedDocument.columns) FROM forwarded_documents \
                WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)
                """
            ).first().map(ForwardedDocument.init(row:))
        }
    }

    /// The tenant's documents in order of receipt, after the cursor `after` (a sequence), optionally in `state`.
    package func documents(
        of tenant: TenantID,
        state: ForwardingState?,
        after: Int64?,
        limit: Int
    ) async throws -> [ForwardedDocument] {
        try await database.read { db in
            var query = SQLQueryString(
                """
                SELECT \(unsafeRaw: ForwardedDocument.columns) FROM forwarded_documents \
                WHERE tenant_id = \(bind: tenant.rawValue) AND sequence > \(bind: after ?? 0)
                """
            )
            if let state {
                query.appendInterpolation(unsafeRaw: " AND state = ")
                query.appendInterpolation(bind: state.rawValue)
            }
            query.appendInterpolation(unsafeRaw: " ORDER BY sequence LIMIT \(limit)")
            return try await db.raw(query).all().map(ForwardedDocument.init(row:))
        }
    }

    /// The document's steps, in the order they were first recorded.
    package func steps(of document: ForwardedDocument) async throws -> [TransferStep] {
        try await database.read { db in
            try await Self.steps(of: document, in: db)
        }
    }

    /// Starts a `failed` or `skipped` document again: `pending`, its forwarding queued anew.
    /// - Returns: the document, or `nil` when the tenant has no document `id`.
    /// - Throws: ``StoreError`` `invalid-state` when the document is `pending` or `forwarded`.
    package func retry(_ id: String, of tenant: TenantID) async throws -> ForwardedDocument? {
        let now = queue.clock.nowMilliseconds
        let queue = queue
        return try await database.transaction { db in
            guard let document = try await Self.document(id: id, of: tenant, in: db) else { return nil }
            guard ForwardingState.retryable.contains(document.state) else {
                throw StoreError(
                    .invalidState,
                    "the document is \(document.state.rawValue); only failed or skipped documents are retried"
                )
            }
            try await db.raw(
                """
                UPDATE forwarded_documents SET state = \(bind: ForwardingState.pending.rawValue), reason = NULL, \
                updated_at = \(bind: now) WHERE sequence = \(bind: document.sequence)
                """
            ).run()
            _ = try await queue.enqueue(
                ForwardingJob(sourceID: id).newJob(for: tenant, trigger: "retry-\(now)"),
                in: db
            )
            return try await Self.document(id: id, of: tenant, in: db)
        }
    }

    /// Queues the forwarding of every `pending` document again (of `tenant`, or of every tenant): after forwarding
    /// was switched on for the tenant or for the hub. A document already forwarded meanwhile is left alone by its job.
    /// - Returns: how many documents were queued.
    @discardableResult
    package func resumePending(of tenant: TenantID? = nil) async throws -> Int {
        let queue = queue
        return try await database.transaction { db in try await Self.resumePending(of: tenant, queue: queue, in: db) }
    }

    /// ``resumePending(of:)`` inside the caller's transaction.
    static func resumePending(of tenant: TenantID?, queue: JobQueue, in db: any SQLDatabase) async throws -> Int {
        let now = queue.clock.nowMilliseconds
        var query = SQLQueryString(
            "SELECT id, tenant_id FROM forwarded_documents WHERE state = \(bind: ForwardingState.pending.rawValue)"
        )
        if let tenant {
            query.appendInterpolation(unsafeRaw: " AND tenant_id = ")
            query.appendInterpolation(bind: tenant.rawValue)
        }
        let rows = try await db.raw(query).all()
        let jobs = try rows.map { row in
            ForwardingJob(sourceID: try row.decode(column: "id", as: String.self)).newJob(
                for: TenantID(try row.decode(column: "tenant_id", as: String.self)),
                trigger: "resume-\(now)"
            )
        }
        try await queue.enqueue(contentsOf: jobs, in: db)
        return jobs.count
    }

    /// The tenant's forwarding settings (the defaults when none were stored).
    package func settings(of tenant: TenantID) async throws -> ForwardingSettings {
        try await database.read { db in
            try await Self.settings(of: tenant, in: db)
        }
    }

    /// Changes the tenant's forwarding settings with `change`; switched on, its waiting documents are queued.
    /// - Returns: the settings as stored.
    package func updateSettings(
        of tenant: TenantID,
        _ change: @escaping @Sendable (inout ForwardingSettings) -> Void
    ) async throws -> ForwardingSettings {
        let now = queue.clock.nowMilliseconds
        let updated = try await database.transaction { db in
            var settings = try await Self.settings(of: tenant, in: db)
            change(&settings)
            try await db.raw(
                """
                INSERT INTO forwarding_settings (tenant_id, is_active, active_since, mode, sales_category_id, \
                purchase_category_id, drop_folder, updated_at) VALUES (\(bind: tenant.rawValue), \
                \(bind: settings.isActive), \(bind: settings.activeSince?.millisecondsSince1970), \
                \(bind: settings.mode.rawValue), \(bind: settings.salesCategoryID), \
                \(bind: settings.purchaseCategoryID), \(bind: settings.dropFolder), \(bind: now)) \
                ON CONFLICT (tenant_id) DO UPDATE SET is_active = excluded.is_active, \
                active_since = excluded.active_since, mode = excluded.mode, \
                sales_category_id = excluded.sales_category_id, \
                purchase_category_id = excluded.purchase_category_id, drop_folder = excluded.drop_folder, \
                updated_at = excluded.updated_at
                """
            ).run()
            return settings
        }
        if updated.isActive { try await resumePending(of: tenant) }
        return updated
    }

    static func settings(of tenant: TenantID, in db: any SQLDatabase) async throws -> ForwardingSettings {
        try await db.raw(
            """
            SELECT is_active, active_since, mode, sales_category_id, purchase_category_id, drop_folder \
            FROM forwarding_settings WHERE tenant_id = \(bind: tenant.rawValue)
            """
        ).first().map(ForwardingSettings.init(row:)) ?? ForwardingSettings()
    }

    static func document(id: String, of tenant: TenantID, in db: any SQLDatabase) async throws -> ForwardedDocument? {
        try await db.raw(
            """
            SELECT \(unsafeRaw: ForwardedDocument.columns) FROM forwarded_documents \
            WHERE tenant_id = \(bind: tenant.rawValue) AND id = \(bind: id)
            """
        ).first().map(ForwardedDocument.init(row:))
    }

    private static func document(
        externalID: String,
        of tenant: TenantID,
        in db: any SQLDatabase
    ) async throws -> ForwardedDocument? {
        try await db.raw(
            """
            SELECT \(unsafeRaw: ForwardedDocument.columns) FROM forwarded_documents \
            WHERE tenant_id = \(bind: tenant.rawValue) AND external_id = \(bind: externalID)
            """
        ).first().map(ForwardedDocument.init(row:))
    }

    static func steps(of document: ForwardedDocument, in db: any SQLDatabase) async throws -> [TransferStep] {
        try await db.raw(
            """
            SELECT name, state, fingerprint, started_at, finished_at, lexoffice_id, note FROM forwarding_steps \
            WHERE document_sequence = \(bind: document.sequence) ORDER BY id
            """
        ).all().map(TransferStep.init(row:))
    }
}
