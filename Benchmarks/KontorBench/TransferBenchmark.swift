import AsyncHTTPClient
import Foundation
import KontorTestSupport
import LexofficeKit
import NIOCore
import NIOHTTP1

/// `KontorBench transfer [invoices] [tenants] [per-tenant]`: the release `kontor serve` transferring invoices into a
/// `kontor sandbox` process with lexoffice's rate limit (2 requests/s per organization) on.
///
/// (a) 1 tenant, `invoices` (default 600) invoices of a known contact, started as one export: wall time as a
///     ratio of the bound `requests / 2 rps`, requests per invoice, 429 answers.
/// (b) `tenants` (default 500) tenants × `per-tenant` (default 10) invoices, all exports started at once:
///     aggregate requests/s against `2 × tenants`, and the lowest and highest tenant rate against its 2 rps.
///
/// Requests are counted from the sandbox's request journal (polled, since it keeps the last 10,000).
enum TransferBenchmark {
    static func run() async throws {
        let numbers = CommandLine.arguments.dropFirst(2).compactMap { Int($0) }
        let invoices = numbers.first ?? 600
        let tenants = numbers.dropFirst().first ?? 500
        let perTenant = numbers.dropFirst(2).first ?? 10
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        report("transfer: \(buildKind) kontor serve → kontor sandbox (2 requests/s per organization), 2 cores")
        try await TransferRig.with(in: folder) { rig in
            if invoices > 0 { try await measureOneTenant(rig, invoices: invoices) }
            if tenants > 0 { try await measureManyTenants(rig, tenants: tenants, perTenant: perTenant) }
        }
    }

    /// (a): pacing of one connection.
    private static func measureOneTenant(_ rig: TransferRig, invoices: Int) async throws {
        let tenant = try await rig.setup.connectTenants(
            count: 1,
            lanes: 1,
            settings: #"{"autoTransfer":false}"#,
            active: true,
            prefix: "paced"
        )[0]
        try await rig.put(invoices: invoices, of: tenant, lanes: 16)
        let journal = RequestJournal(rig: rig)
        try await journal.poll()
        let start = Date()
        let run = try await rig.export(of: tenant, expecting: invoices)
        let seconds = Date().timeIntervalSince(start)
        try await journal.poll()
        let requests = journal.entries(of: tenant.organizationID, since: start)
        let bound = Double(requests.count) / 2
        report(
            String(
                format: "(a) 1 tenant, %d invoices (known contact): %.1f s for %d requests; bound %.1f s → ratio %.3f "
                    + "(target ≤ 1.05)",
                invoices,
                seconds,
                requests.count,
                bound,
                seconds / bound
            )
        )
        report(
            String(
                format: "    %.2f requests per invoice (target 2), %d × 429, %d done, %d failed",
                Double(requests.count) / Double(invoices),
                requests.filter { $0.status == 429 }.count,
                run.done,
                run.failed
            )
        )
    }

    /// (b): fairness between many connections.
    private static func measureManyTenants(_ rig: TransferRig, tenants count: Int, perTenant: Int) async throws {
        let setupStart = Date()
        let tenants = try await rig.setup.connectTenants(
            count: count,
            lanes: 100,
            settings: #"{"autoTransfer":false}"#,
            active: true,
            prefix: "fair"
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<8 {
                group.addTask {
                    for tenant in stride(from: lane, to: tenants.count, by: 8).map({ tenants[$0] }) {
                        try await rig.put(invoices: perTenant, of: tenant, lanes: 1)
                    }
                }
            }
            try await group.waitForAll()
        }
        report(
            String(
                format: "(b) %d tenants connected, %d invoices each stored in %.1f s",
                count,
                perTenant,
                Date().timeIntervalSince(setupStart)
            )
        )
        let journal = RequestJournal(rig: rig)
        try await journal.poll()
        let start = Date()
        // "At once": 64 at a time (the rig's client keeps up to 128 connections to the hub).
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<64 {
                group.addTask {
                    for tenant in stride(from: lane, to: tenants.count, by: 64).map({ tenants[$0] }) {
                        try await rig.startExport(of: tenant)
                    }
                }
            }
            try await group.waitForAll()
        }
        let started = Date()
        // Polling 500 exports would load the hub more than the transfers do: the journal (polled every second, it
        // keeps 10,000 entries) shows when every tenant sent its requests.
        // Per invoice: create, read back; per tenant once: read the known contact (its customer number).
        let expected = 2 * perTenant + 1
        let deadline = ContinuousClock.now.advanced(by: .seconds(3600))
        while ContinuousClock.now < deadline {
            try await Task.sleep(for: .seconds(1))
            try await journal.poll()
            if tenants.allSatisfy({ journal.entries(of: $0.organizationID, since: start).count >= expected }) { break }
        }
        try await journal.poll()
        // Up to the last request lexoffice received (not when the once-a-second poll noticed it).
        let end = tenants.flatMap { journal.entries(of: $0.organizationID, since: start).map(\.time) }.max() ?? Date()
        let seconds = end.timeIntervalSince(start)
        let rates = tenants.map { tenant -> Double in
            let times = journal.entries(of: tenant.organizationID, since: start).map(\.time).sorted()
            guard let first = times.first, let last = times.last, last > first else { return 0 }
            return Double(times.count - 1) / last.timeIntervalSince(first)
        }
        let firsts = tenants.compactMap { journal.entries(of: $0.organizationID, since: start).map(\.time).min() }
        let lasts = tenants.compactMap { journal.entries(of: $0.organizationID, since: start).map(\.time).max() }
        let total = tenants.reduce(0) { $0 + journal.entries(of: $1.organizationID, since: start).count }
        let aggregate = Double(total) / seconds
        report(
            String(
                format: "    %d requests in %.1f s: %.0f requests/s = %.0f %% of 2 × %d (target ≥ 90 %%)",
                total,
                seconds,
                aggregate,
                aggregate / Double(2 * count) * 100,
                count
            )
        )
        report(
            String(
                format: "    tenant rates: lowest %.2f, highest %.2f requests/s = %.0f %%…%.0f %% of the fair 2/s "
                    + "(target ≥ 80 %%)",
                rates.min() ?? 0,
                rates.max() ?? 0,
                (rates.min() ?? 0) / 2 * 100,
                (rates.max() ?? 0) / 2 * 100
            )
        )
        report(
            String(
                format: "    exports started within %.1f s; tenants' first requests %.1f…%.1f s, last requests "
                    + "%.1f…%.1f s after",
                started.timeIntervalSince(start),
                (firsts.min() ?? start).timeIntervalSince(start),
                (firsts.max() ?? start).timeIntervalSince(start),
                (lasts.min() ?? start).timeIntervalSince(start),
                (lasts.max() ?? start).timeIntervalSince(start)
            )
        )
    }
}
