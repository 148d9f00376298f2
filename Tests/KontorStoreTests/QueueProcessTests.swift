import Foundation
import KontorCore
import KontorFlows
import KontorStore
import KontorTestSupport
import Testing

/// Worker pools in separate processes on one database: the cross-process guarantees of the queue.
@Suite("Job queue across processes", .serialized, .timeLimit(.minutes(3)))
struct QueueProcessTests {
    private func temporaryLog() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kontor-queue-\(UUID().uuidString).log")
    }

    @Test(
        "two worker processes run 1,000 jobs of 50 tenants: each once, in order, one worker per tenant at a time",
        arguments: TestEngine.allCases
    )
    func twoProcesses(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, location in
            let queue = JobQueue(database: database)
            var expected: [String: [Int64]] = [:]
            for sequence in 0..<20 {
                for tenant in 0..<50 {
                    let id = try await queue.enqueue(
                        NewJob(tenantID: TenantID("t\(tenant)"), kind: "k", payload: "\(sequence)")
                    )
                    expected["t\(tenant)", default: []].append(id.jobID.rawValue)
                }
            }
            let log = temporaryLog()
            defer { try? FileManager.default.removeItem(at: log) }
            let workers = try ["worker-a", "worker-b"].map {
                try QueueWorkerProcess(location: location, log: log, owner: $0, jobDuration: .milliseconds(2))
            }
            defer { for worker in workers { worker.stop() } }
            for worker in workers {
                #expect(await worker.waitForExit() == 0)
            }

            let runs = try QueueWorkerProcess.runs(in: log)
            #expect(runs.count == 1000)
            #expect(Set(runs.map(\.job)).count == 1000)
            #expect(Set(runs.map(\.owner)) == ["worker-a", "worker-b"], "both processes took work")
            for (tenant, jobs) in expected {
                let tenantRuns = runs.filter { $0.tenant == tenant }.sorted { $0.start < $1.start }
                #expect(tenantRuns.map(\.job) == jobs, "order of \(tenant)")
                for (earlier, later) in zip(tenantRuns, tenantRuns.dropFirst()) where earlier.end > later.start {
                    Issue.record(
                        "\(tenant): job \(later.job) (\(later.owner)) started before \(earlier.job) (\(earlier.owner)) ended"
                    )
                }
            }
            #expect(try await queue.counts()[.done] == 1000)
        }
    }

    @Test(
        "after kill -9 of a worker mid-run, a new worker takes its tenants over and no job is lost",
        arguments: TestEngine.allCases
    )
    func crashRecovery(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database, location in
            let queue = JobQueue(database: database)
            var ids: Set<Int64> = []
            for sequence in 0..<30 {
                for tenant in 0..<10 {
                    ids.insert(
                        try await queue.enqueue(
                            NewJob(tenantID: TenantID("t\(tenant)"), kind: "k", payload: "\(sequence)")
                        ).jobID.rawValue
                    )
                }
            }
            let log = temporaryLog()
            defer { try? FileManager.default.removeItem(at: log) }
            let crashing = try QueueWorkerProcess(
                location: location,
                log: log,
                owner: "crashing",
                jobDuration: .milliseconds(250),
                leaseDuration: .seconds(1)
            )
            defer { crashing.stop() }
            #expect(try await eventually(timeout: .seconds(30)) { try QueueWorkerProcess.runs(in: log).count >= 10 })
            await crashing.crash()
            let doneAtCrash = try await queue.counts()[.done] ?? 0
            #expect(doneAtCrash < 300, "the crash happened mid-run")
            #expect(try await queue.counts()[.running] ?? 0 > 0, "jobs were in flight when the worker died")

            let successor = try QueueWorkerProcess(
                location: location,
                log: log,
                owner: "successor",
                jobDuration: .milliseconds(2)
            )
            defer { successor.stop() }
            #expect(await successor.waitForExit() == 0)

            let counts = try await queue.counts()
            #expect(counts[.done] == 300)
            let runs = try QueueWorkerProcess.runs(in: log)
            #expect(Set(runs.map(\.job)) == ids, "every job ran")
            #expect(
                runs.count - ids.count <= 8,
                "only jobs in flight at the crash (at most one per leased tenant) ran twice"
            )
            #expect(runs.contains { $0.owner == "successor" })
        }
    }
}
