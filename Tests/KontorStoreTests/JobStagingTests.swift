import Foundation
import KontorCore
import KontorFlows
import KontorStore
import KontorTestSupport
import SQLKit
import Testing

/// `staged_jobs` → `jobs`: what the webhook intake stages becomes queued jobs in order, once per dedupe key.
@Suite("Job staging", .timeLimit(.minutes(3)))
struct JobStagingTests {
    private static let tenants = [TenantID("acme"), TenantID("bolt"), TenantID("cora")]

    /// Creates the tenants the staged jobs belong to (admission drops jobs of tenants that do not exist).
    private func createTenants(in database: any StoreDatabase, clock: ManualWallClock) async throws {
        let store = TenantStore(database: database, clock: clock)
        for tenant in Self.tenants {
            _ = try await store.create(
                Tenant(id: tenant, name: tenant.rawValue, createdAt: clock.now, updatedAt: clock.now)
            )
        }
    }

    /// Stages one job the way the intake does (a grouped write appending one row).
    private func stage(
        _ tenant: TenantID,
        key: String,
        payload: String,
        at time: Int64,
        in database: any StoreDatabase
    )
        async throws
    {
        try await database.groupedTransaction { db in
            try await db.raw(
                """
                INSERT INTO staged_jobs (tenant_id, kind, payload, dedupe_key, received_at) \
                VALUES (\(bind: tenant.rawValue), 'lexoffice.event', \(bind: payload), \(bind: key), \(bind: time))
                """
            ).run()
        }
    }

    @Test(
        "admission keeps the staged order per tenant, drops duplicate keys and dates jobs by receipt",
        arguments: TestEngine.allCases
    )
    func orderAndDedupe(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            try await createTenants(in: database, clock: clock)
            let queue = JobQueue(database: database, clock: clock, defaultMaxAttempts: 7)
            _ = try await queue.enqueue(NewJob(tenantID: Self.tenants[0], kind: "lexoffice.event", dedupeKey: "k-0"))
            // 600 staged: keys k-0 … k-549, the last 50 again (redeliveries), and k-0 is a job already.
            for index in 0..<600 {
                let key = "k-\(index < 550 ? index : index - 50)"
                let tenant = Self.tenants[index % 3]
                try await stage(tenant, key: key, payload: "\(index)", at: 1_000 + Int64(index), in: database)
            }
            #expect(try await queue.stagedCount() == 600)
            #expect(try await queue.admitStagedJobs(limit: 256) == 256)
            #expect(try await queue.admitStagedJobs(limit: 256) == 256)
            #expect(try await queue.admitStagedJobs(limit: 256) == 88)
            #expect(try await queue.admitStagedJobs(limit: 256) == 0)
            #expect(try await queue.stagedCount() == 0)

            let admitted = try await queue.jobs(limit: 1000)
            #expect(admitted.count == 550, "549 new keys and the job that was there before")
            #expect(Set(admitted.compactMap(\.dedupeKey)).count == 550)
            #expect(admitted.filter { $0.dedupeKey == "k-0" }.map(\.payload) != ["0"], "k-0 was a job before")
            for tenant in Self.tenants {
                let payloads = try await queue.jobs(tenant: tenant, limit: 1000).map(\.payload)
                let indexes = payloads.compactMap { Int($0) }
                #expect(indexes == indexes.sorted(), "tenant \(tenant) keeps the staged order")
            }
            let sample = try #require(admitted.first { $0.payload == "42" })
            #expect(sample.state == .queued)
            #expect(sample.maxAttempts == 7)
            #expect(sample.runAt == Date(timeIntervalSince1970: 1.042))
            #expect(sample.tenantID == Self.tenants[0])
        }
    }

    @Test("jobs staged while admissions run are all admitted, each once", arguments: TestEngine.allCases)
    func concurrentStagingAndAdmission(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            try await createTenants(in: database, clock: clock)
            let queue = JobQueue(database: database, clock: clock)
            let stagers = 4
            let perStager = 150
            try await withThrowingTaskGroup(of: Void.self) { group in
                for stager in 0..<stagers {
                    group.addTask {
                        for index in 0..<perStager {
                            let tenant = Self.tenants[index % 3]
                            try await stage(
                                tenant,
                                key: "s\(stager)-\(index)",
                                payload: "\(index)",
                                at: 0,
                                in: database
                            )
                        }
                    }
                }
                for _ in 0..<2 {
                    group.addTask {
                        for _ in 0..<40 {
                            try await queue.admitStagedJobs(limit: 16)
                            try await Task.sleep(for: .milliseconds(2))
                        }
                    }
                }
                try await group.waitForAll()
            }
            while try await queue.admitStagedJobs(limit: 256) > 0 {}
            #expect(try await queue.stagedCount() == 0)
            let jobs = try await queue.jobs(limit: 1000)
            #expect(jobs.count == stagers * perStager)
            #expect(Set(jobs.compactMap(\.dedupeKey)).count == stagers * perStager)
            for stager in 0..<stagers {
                for tenant in Self.tenants {
                    let own = jobs.filter { $0.tenantID == tenant && $0.dedupeKey?.hasPrefix("s\(stager)-") == true }
                    let indexes = own.compactMap { Int($0.payload) }
                    #expect(indexes == indexes.sorted(), "one stager's jobs of a tenant keep their order")
                }
            }
        }
    }

    @Test("jobs staged for a tenant that is deleted before admission are dropped", arguments: TestEngine.allCases)
    func deletedTenant(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, _ in
            let clock = ManualWallClock()
            try await createTenants(in: database, clock: clock)
            let queue = JobQueue(database: database, clock: clock)
            let tenants = TenantStore(database: database, clock: clock)
            try await stage(Self.tenants[0], key: "a-1", payload: "1", at: 0, in: database)
            try await stage(Self.tenants[1], key: "b-1", payload: "1", at: 0, in: database)
            #expect(try await tenants.delete(Self.tenants[1]))
            #expect(try await queue.stagedCount() == 1, "deleting a tenant removes what is staged for it")
            // A delivery that raced with the deletion and was staged after it.
            try await stage(Self.tenants[1], key: "b-2", payload: "2", at: 0, in: database)
            #expect(try await queue.admitStagedJobs() == 2)
            #expect(try await queue.stagedCount() == 0)
            #expect(try await queue.jobs().map(\.dedupeKey) == ["a-1"])
        }
    }
}
