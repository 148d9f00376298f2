import KontorStore
import SQLKit
import Testing

/// Makes a missing PostgreSQL server visible: without `KONTOR_TEST_POSTGRES_URL` this test is reported as skipped
/// with the reason, and every PostgreSQL case of the store suite is cancelled (see ``TestDatabase/make(_:)``).
@Suite("PostgreSQL for the store suite", .timeLimit(.minutes(1)))
struct PostgresAvailabilityTests {
    @Test(
        "the test server answers, so the PostgreSQL cases run",
        .enabled(
            if: TestEngine.postgresURL != nil,
            "KONTOR_TEST_POSTGRES_URL is not set: the PostgreSQL cases of the store suite are cancelled (.ci/run sets it)"
        )
    )
    func serverAnswers() async throws {
        try await TestDatabase.with(.postgres) { database, _ in
            let version = try await database.withConnection { db in
                try await db.raw("SHOW server_version").first()?.decode(column: "server_version", as: String.self)
            }
            #expect(version?.isEmpty == false)
            #expect(database.kind == .postgres)
        }
    }
}
