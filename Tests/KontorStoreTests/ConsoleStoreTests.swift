import Foundation
import KontorCore
import KontorStore
import KontorTestSupport
import SQLKit
import Testing

/// The web console's records: users, sessions (idle expiry), one-time sign-in codes, the tenants overview.
@Suite("Console stores", .timeLimit(.minutes(1)))
struct ConsoleStoreTests {
    @Test(
        "a session lives while used and ends after 8 idle hours, at sign-out, or when the password changes",
        arguments: TestEngine.allCases
    )
    func sessions(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let users = ConsoleUserStore(database: database, clock: clock)
            let sessions = ConsoleSessionStore(database: database, clock: clock)
            let anna = try await users.create(username: "Anna", scope: .partner, passwordHash: "h1")
            #expect(anna.username == "anna")
            await #expect(throws: StoreError.self) {
                try await users.create(username: "anna", scope: .partner, passwordHash: nil)
            }
            let (cookie, session) = try await sessions.start(for: anna)
            #expect(try await sessions.session(cookie) == session)
            clock.advance(by: .seconds(7 * 3600))
            #expect(try await sessions.session(cookie) != nil, "used after 7 hours: moved on")
            clock.advance(by: .seconds(7 * 3600))
            #expect(try await sessions.session(cookie) != nil, "7 idle hours after the last use")
            clock.advance(by: .seconds(8 * 3600 + 1))
            #expect(try await sessions.session(cookie) == nil, "8 idle hours: expired")

            let (second, _) = try await sessions.start(for: anna)
            try await sessions.end(second)
            #expect(try await sessions.session(second) == nil)
            let (third, _) = try await sessions.start(for: anna)
            try await users.setPasswordHash("h2", of: anna.id)
            #expect(try await sessions.session(third) == nil, "a new password signs out everywhere")
            #expect(try await users.user(named: "ANNA")?.passwordHash == "h2")
            let stored = try await database.withConnection { db in
                try await db.raw("SELECT session_hash FROM console_sessions").all()
            }
            #expect(stored.isEmpty)
        }
    }

    @Test("a sign-in code works once and for 24 hours", arguments: TestEngine.allCases)
    func signInCodes(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let user = try await ConsoleUserStore(database: database, clock: clock)
                .create(username: "admin", scope: .partner, passwordHash: nil)
            let codes = SignInCodeStore(database: database, clock: clock)
            let code = try await codes.create(for: user)
            #expect(try await codes.isValid(code))
            #expect(try await codes.redeem(code) == user)
            #expect(try await codes.redeem(code) == nil, "used")
            let late = try await codes.create(for: user)
            clock.advance(by: .seconds(24 * 3600 + 1))
            #expect(try await codes.isValid(late) == false)
            #expect(try await codes.redeem(late) == nil, "expired")
            #expect(try await codes.redeem("made-up") == nil)
        }
    }

    @Test(
        "the tenants overview: health per tenant in one query, searched (wildcards are text), paged",
        arguments: TestEngine.allCases
    )
    func overview(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            let tenants = TenantStore(database: database, clock: clock)
            for (id, name) in [("acme", "Acme 50% GmbH"), ("bolt", "Bolt AG"), ("cleo", "Cleo_Praxis")] {
                _ = try await tenants.create(
                    Tenant(
                        id: TenantID(id),
                        name: name,
                        isActive: id != "bolt",
                        createdAt: clock.now,
                        updatedAt: clock.now
                    )
                )
            }
            let overview = TenantOverviewStore(database: database)
            let all = try await overview.tenants(matching: nil, offset: 0, limit: 10)
            #expect(all.map(\.id.rawValue) == ["acme", "bolt", "cleo"])
            #expect(all.map(\.isActive) == [true, false, true])
            #expect(all.allSatisfy { $0.connectionStatus == nil && $0.failedInvoices == 0 && $0.backlog == 0 })
            #expect(try await overview.tenants(matching: "50%", offset: 0, limit: 10).map(\.id.rawValue) == ["acme"])
            #expect(try await overview.tenants(matching: "o_p", offset: 0, limit: 10).map(\.id.rawValue) == ["cleo"])
            #expect(try await overview.tenants(matching: "BOLT", offset: 0, limit: 10).map(\.id.rawValue) == ["bolt"])
            #expect(try await overview.tenants(matching: nil, offset: 1, limit: 1).map(\.id.rawValue) == ["bolt"])
        }
    }
}
