import KontorCore
import Logging
import SQLKit

/// Brings a database to the schema this build expects (DESIGN.md §4): runs on start and by `kontor migrate`.
///
/// Safe to run from several processes at once: on PostgreSQL an advisory lock, on SQLite the write lock of
/// `BEGIN IMMEDIATE` makes them take turns, and each step checks again whether it is still missing.
package struct Migrator: Sendable {
    private let database: any StoreDatabase
    private let migrations: [Migration]
    private let logger: Logger

    /// A migrator for the hub's schema (``Migrator/hubSchema``) or another list of steps.
    package init(database: any StoreDatabase, migrations: [Migration] = Migrator.hubSchema, logger: Logger) {
        self.database = database
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.logger = logger
    }

    /// The hub's schema, in order.
    package static let hubSchema: [Migration] = [
        .jobQueue, .tenants, .sourceInvoices, .webhookDedupeInQueue, .invoiceTransfers, .readyJobsIndex, .stagedJobs,
        .leaseEpochs, .paymentStatus, .refreshClaims, .customers, .console, .archive, .forwarding, .forwardingSwitch,
        .unusedTenantColumns, .backfillWindows, .firstSyncNumberScan,
    ]

    /// Applies every missing step; returns the versions it applied.
    /// - Throws: ``StoreError`` `schema-too-new` when the database was migrated by a newer build.
    @discardableResult
    package func migrate() async throws -> [Int] {
        // Under the lock: two PostgreSQL sessions creating the same table at once can collide in the catalog even
        // with IF NOT EXISTS (a duplicate key in pg_type).
        try await database.transaction { db in
            try await lockAgainstOtherMigrators(db)
            try await db.raw(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"
            ).run()
        }
        var applied: [Int] = []
        for migration in migrations {
            let didApply = try await database.transaction { db in
                try await lockAgainstOtherMigrators(db)
                let existing = try await db.raw(
                    "SELECT version FROM schema_migrations WHERE version = \(bind: migration.version)"
                ).first()
                guard existing == nil else { return false }
                for statement in migration.statements(database.kind) {
                    try await db.raw("\(unsafeRaw: statement)").run()
                }
                try await db.raw(
                    """
                    INSERT INTO schema_migrations (version, name, applied_at) \
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: SystemWallClock().nowMilliseconds))
                    """
                ).run()
                return true
            }
            if didApply {
                applied.append(migration.version)
                logger.info("applied migration", metadata: ["migration.version": "\(migration.version)"])
            }
        }
        try await checkNotNewer()
        return applied
    }

    /// Waits, on PostgreSQL, until no other migrator holds the migration lock; it is released at the end of the
    /// transaction. (On SQLite the write transaction itself is the lock.)
    private func lockAgainstOtherMigrators(_ db: any SQLDatabase) async throws {
        guard database.kind == .postgres else { return }
        try await db.raw("SELECT pg_advisory_xact_lock(\(bind: Self.advisoryLockKey))").run()
    }

    /// The versions applied so far, ascending.
    package func appliedVersions() async throws -> [Int] {
        try await database.read { db in
            try await db.raw("SELECT version FROM schema_migrations ORDER BY version").all()
                .map { try $0.decode(column: "version", as: Int.self) }
        }
    }

    /// Whether every step of this build is applied (for `/readyz`).
    package func isUpToDate() async throws -> Bool {
        let versions = Set(try await appliedVersions())
        return migrations.allSatisfy { versions.contains($0.version) }
    }

    private func checkNotNewer() async throws {
        let known = migrations.map(\.version).max() ?? 0
        if let newest = try await appliedVersions().last, newest > known {
            throw StoreError(
                .schemaTooNew,
                "the database has schema version \(newest), this build knows up to \(known): update Kontor"
            )
        }
    }

    /// An arbitrary constant that names the migration lock on PostgreSQL.
    private static let advisoryLockKey: Int64 = 0x4B6F_6E74_6F72
}
