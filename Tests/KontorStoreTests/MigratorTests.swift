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
}
