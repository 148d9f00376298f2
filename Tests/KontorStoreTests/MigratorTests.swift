import KontorCore
import KontorStore
import SQLKit
import Testing

@Suite("Migrations", .timeLimit(.minutes(1)))
struct MigratorTests {
    @Test("applies every step once and reports the schema up to date", arguments: TestEngine.allCases)
    func appliesOnce(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let migrator = Migrator(database: database, logger: TestDatabase.logger)
            #expect(try await migrator.appliedVersions() == Migrator.hubSchema.map(\.version))
            #expect(try await migrator.migrate() == [])
            #expect(try await migrator.isUpToDate())
            let jobs = try await database.withConnection { db in
                try await db.raw("SELECT COUNT(*) AS n FROM jobs").first()?.decode(column: "n", as: Int.self)
            }
            #expect(jobs == 0)
        }
    }

    @Test("refuses a database migrated by a newer build", arguments: TestEngine.allCases)
    func refusesNewerSchema(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            try await database.transaction { db in
                try await db.raw("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)")
                    .run()
            }
            let error = await #expect(throws: StoreError.self) {
                try await Migrator(database: database, logger: TestDatabase.logger).migrate()
            }
            #expect(error?.code == .schemaTooNew)
        }
    }

    @Test("two migrators racing on one database apply each step once", arguments: TestEngine.allCases)
    func concurrentMigrators(engine: TestEngine) async throws {
        let test = try await TestDatabase.make(engine)
        async let first = withStoreDatabase(test.location, logger: TestDatabase.logger) { database in
            try await Migrator(database: database, logger: TestDatabase.logger).migrate()
        }
        async let second = withStoreDatabase(test.location, logger: TestDatabase.logger) { database in
            try await Migrator(database: database, logger: TestDatabase.logger).migrate()
        }
        let applied = try await first + second
        #expect(applied.sorted() == Migrator.hubSchema.map(\.version))
        try await test.remove()
    }

    @Test("version 16 drops the unused tenants.archive_settings and keeps the tenants", arguments: TestEngine.allCases)
    func dropsUnusedTenantColumn(engine: TestEngine) async throws {
        let test = try await TestDatabase.make(engine)
        try await withStoreDatabase(test.location, logger: TestDatabase.logger) { database in
            let before = Migrator.hubSchema.filter { $0.version < 16 }
            try await Migrator(database: database, migrations: before, logger: TestDatabase.logger).migrate()
            #expect(try await Self.columns(of: "tenants", in: database).contains("archive_settings"))
            try await database.transaction { db in
                try await db.raw(
                    """
                    INSERT INTO tenants (id, name, transfer_variant, finalize_invoices, auto_transfer, is_active, \
                    archive_settings, created_at, updated_at, version) \
                    VALUES ('acme', 'Acme', 'invoice', true, true, false, '{}', 0, 0, 1)
                    """
                ).run()
            }
            #expect(try await Migrator(database: database, logger: TestDatabase.logger).migrate().first == 16)
            let columns = try await Self.columns(of: "tenants", in: database)
            #expect(!columns.contains("archive_settings") && columns.contains("callback_url"))
            #expect(try await TenantStore(database: database).tenant(TenantID("acme"))?.name == "Acme")
        }
        try await test.remove()
    }

    private static func columns(of table: String, in database: any StoreDatabase) async throws -> Set<String> {
        let query: SQLQueryString =
            switch database.kind {
            case .sqlite: "SELECT name FROM pragma_table_info(\(bind: table))"
            case .postgres:
                """
                SELECT column_name AS name FROM information_schema.columns \
                WHERE table_name = \(bind: table) AND table_schema = current_schema()
                """
            }
        return try await database.withConnection { db in
            Set(try await db.raw(query).all().map { try $0.decode(column: "name", as: String.self) })
        }
    }
}
