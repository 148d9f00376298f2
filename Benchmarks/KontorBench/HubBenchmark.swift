import AsyncHTTPClient
import Foundation
import KontorStore
import KontorTestSupport
import LexofficeKit
import Logging
import NIOCore
import NIOHTTP1
import SQLKit

/// The `hub` suite, on the release `kontor` binary as separate processes:
/// - idle RSS of `kontor serve` on its embedded defaults (SQLite, the sandbox mounted, the demo tenant);
/// - RSS with 1,000 idle tenants, each connected by API key to its own organization in a `kontor sandbox` process;
/// - webhook ingest with wrk: signed lexoffice events for those tenants, each verified, deduplicated and enqueued
///   (durable) before the 202;
/// - invoice ingest with wrk: `PUT /api/v1/tenants/{t}/invoices/{id}`, validated and stored durably before the 202.
enum HubBenchmark {
    static let tenants = 1_000
    static let events = 24_000
    static let setupLanes = 100

    static func run() async throws {
        guard let wrk = Wrk() else {
            report("hub: skipped — install wrk (apt-get install wrk) to measure webhook ingest")
            return
        }
        #if DEBUG
        report("warning: debug build — run `swift build -c release && .build/release/KontorBench hub`")
        #endif
        report("KontorBench hub (\(ProcessInfo.processInfo.activeProcessorCount) cores)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try await measureIdleDefaults(in: folder.appendingPathComponent("defaults"))
        try await measureTenantsAndIngest(wrk, in: folder)
    }

    /// `kontor serve` with nothing but its embedded defaults, 3 s after start.
    private static func measureIdleDefaults(in folder: URL) async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let hub = try ChildProcess(kontor: serveArguments(folder), in: folder)
        do {
            _ = try await hub.line(containing: "Admin token")
            try await Task.sleep(for: .seconds(3))
            let rss = try hub.residentBytes()
            report(
                String(
                    format: "idle kontor serve (embedded defaults)   RSS %6.1f MB   (target ≤ 60 MB)",
                    megabytes(rss)
                )
            )
        } catch {
            await hub.stop()
            throw error
        }
        await hub.stop()
    }

    private static func measureTenantsAndIngest(_ wrk: Wrk, in folder: URL) async throws {
        let sandbox = try ChildProcess(kontor: ["sandbox", "--port", "0", "--rate-limit", "0"], in: folder)
        let hubFolder = folder.appendingPathComponent("hub")
        try FileManager.default.createDirectory(at: hubFolder, withIntermediateDirectories: true)
        var hub: ChildProcess?
        var pool = HTTPClient.Configuration.ConnectionPool()
        pool.concurrentHTTP1ConnectionsPerHostSoftLimit = setupLanes
        let client = HTTPClient(configuration: HTTPClient.Configuration(connectionPool: pool))
        do {
            guard let sandboxURL = try await sandbox.line(containing: "base URL:").split(separator: " ").last else {
                throw BenchmarkFailure(description: "kontor sandbox printed no base URL")
            }
            let signer = try WebhookSigner()
            let keyFile = hubFolder.appendingPathComponent("webhook-key.pem")
            try Data(signer.publicKeyPEM.utf8).write(to: keyFile)
            let started = try ChildProcess(
                kontor: serveArguments(hubFolder) + ["--lexoffice-url", String(sandboxURL)],
                environment: ["KONTOR_LEXOFFICE_WEBHOOK_KEY_FILE": keyFile.path],
                in: hubFolder
            )
            hub = started
            let api = TenantSetup(
                client: client,
                hubURL: try await word(after: "listening on", in: started),
                token: try await word(after: "Admin token", in: started, last: true),
                sandboxAdminURL: String(sandboxURL.dropLast("/v1".count)) + "/_sandbox"
            )
            try await Task.sleep(for: .seconds(3))
            let before = try started.residentBytes()
            let setupStart = ContinuousClock.now
            let organizations = try await api.connectTenants(count: tenants, lanes: setupLanes).map(\.organizationID)
            let setupTime = ContinuousClock.now - setupStart
            try await Task.sleep(for: .seconds(3))
            let after = try started.residentBytes()
            report(
                String(
                    format: "kontor serve, external sandbox: RSS %6.1f MB idle, %6.1f MB with %d connected tenants",
                    megabytes(before),
                    megabytes(after),
                    tenants
                )
            )
            report(
                String(
                    format: "per idle tenant %6.1f KB   (target ≤ 20 KB; setup took %.1f s)",
                    Double(after - before) / 1024 / Double(tenants),
                    setupTime.inSeconds
                )
            )
            try await api.createActiveTenant("bench-ingest")
            let idle = try await api.waitForIdleQueue()
            report(
                "with workers (the default: the process also works the jobs it receives), measured once the setup's "
                    + "jobs were done (" + String(format: "%.1f s", idle.seconds) + "; \(idle.gauges)):"
            )
            try await measureIngest(
                wrk,
                hub: started,
                hubURL: api.hubURL,
                organizations: organizations,
                signer: signer,
                in: folder
            )
            try await measureInvoiceIngest(wrk, hub: started, api: api, run: "w")
            await started.stop()
            hub = nil
            let receiver = try ChildProcess(
                kontor: serveArguments(hubFolder) + ["--lexoffice-url", String(sandboxURL)],
                environment: ["KONTOR_LEXOFFICE_WEBHOOK_KEY_FILE": keyFile.path, "KONTOR_WORKERS_TENANTS": "0"],
                in: hubFolder
            )
            hub = receiver
            let receiverAPI = api.at(try await word(after: "listening on", in: receiver))
            report("receive-only process (workers.tenants 0; other processes work the queue):")
            try await measureIngest(
                wrk,
                hub: receiver,
                hubURL: receiverAPI.hubURL,
                organizations: organizations,
                signer: signer,
                in: folder
            )
            try await measureInvoiceIngest(wrk, hub: receiver, api: receiverAPI, run: "r")
        } catch {
            await hub?.stop()
            await sandbox.stop()
            try? await client.shutdown()
            throw error
        }
        await hub?.stop()
        await sandbox.stop()
        try await client.shutdown()
        try await countIngested(in: hubFolder.appendingPathComponent("kontor.sqlite"))
    }

    /// wrk posting `events` distinct signed events (then repeating them, which the hub drops as duplicates).
    private static func measureIngest(
        _ wrk: Wrk,
        hub: ChildProcess,
        hubURL: String,
        organizations: [String],
        signer: WebhookSigner,
        in folder: URL
    ) async throws {
        let eventFile = folder.appendingPathComponent("events.tsv")
        try await SignedEvents.write(count: events, organizations: organizations, signer: signer, to: eventFile)
        let (result, cost) = try await accounted(in: hub) {
            try await wrk.run(
                ["-t2", "-c32", "-d4s", hubURL + "/webhooks/lexoffice", "--", eventFile.path, "2"],
                script: SignedEvents.wrkScript
            )
        }
        report(
            String(
                format:
                    "webhook ingest  %8.0f events/s  p99 %6.2f ms   (target ≥ 5,000/s; verified, deduped, enqueued)",
                result.requestsPerSecond,
                result.p99Milliseconds
            ) + cost
        )
    }

    /// wrk putting invoices (three line items, source ids distinct within and across `run`s) for one active tenant:
    /// each validated and stored durably before the 202.
    private static func measureInvoiceIngest(
        _ wrk: Wrk,
        hub: ChildProcess,
        api: TenantSetup,
        run: String
    ) async throws {
        let (result, cost) = try await accounted(in: hub) {
            try await wrk.run(
                ["-t2", "-c32", "-d5s", "-H", "Authorization: Bearer \(api.token)", api.hubURL],
                script: invoiceScript.replacingOccurrences(of: "RUN", with: run)
            )
        }
        report(
            String(
                format:
                    "invoice ingest  %8.0f PUT/s     p99 %6.2f ms   (target ≥ 3,000/s, p99 ≤ 25 ms; durable before 2xx)",
                result.requestsPerSecond,
                result.p99Milliseconds
            ) + cost
        )
    }

    /// Runs `measure` (wrk against `hub`) and describes what its requests cost: `hub`'s processor time per request,
    /// which does not depend on how fast the machine is at the moment, and the share of the machine's processor time
    /// the hypervisor stole meanwhile (on a shared virtual machine, throughput drops with it).
    private static func accounted(
        in hub: ChildProcess,
        _ measure: () async throws -> Wrk.Result
    ) async throws -> (Wrk.Result, String) {
        let machineBefore = MachineTimes.now()
        let processBefore = try hub.processorTime()
        let result = try await measure()
        let perRequest = (try hub.processorTime() - processBefore) / max(1, result.requests)
        var cost = String(format: "\n    kontor %4.0f µs processor time per request", perRequest.inSeconds * 1e6)
        if let machineBefore, let machineAfter = MachineTimes.now() {
            cost += String(
                format: ", %.1f %% of the machine's time stolen",
                machineAfter.stolenPercent(since: machineBefore)
            )
        }
        return (result, cost)
    }

    /// A wrk script putting the same invoice under a new source id with every request (`RUN` is replaced by the
    /// run's prefix).
    private static let invoiceScript = """
        local next_thread = 0
        function setup(thread)
          thread:set("thread_number", next_thread)
          next_thread = next_thread + 1
        end

        function init(args)
          sequence = 0
        end

        wrk.method = "PUT"
        wrk.headers["Content-Type"] = "application/json"
        wrk.body = [[{"number":"R-2026-0042","date":"2026-03-10","paymentTermDays":14,"taxType":"net",\
        "status":"finalized","title":"Rechnung","customer":{"sourceId":"K-1007","company":{"name":"Radhaus Nord GmbH"},\
        "address":{"street":"Lindenallee 7","zip":"22041","city":"Hamburg","countryCode":"DE"}},"lineItems":[\
        {"name":"Wartung Hydraulik","quantity":2.5,"unitName":"Stunde","unitPrice":{"net":85},"taxRatePercent":19},\
        {"name":"Dichtungssatz","quantity":4,"unitName":"Stück","unitPrice":{"net":12.4},"taxRatePercent":19},\
        {"name":"Fachbuch Hydraulik","quantity":1,"unitName":"Stück","unitPrice":{"net":39.9},"taxRatePercent":7}]}]]

        function request()
          sequence = sequence + 1
          return wrk.format(nil, "/api/v1/tenants/bench-ingest/invoices/RUN" .. thread_number .. "-" .. sequence)
        end
        """

    /// Reads back from the stopped hub's database how many events and invoices were stored.
    private static func countIngested(in database: URL) async throws {
        var logger = Logger(label: "kontor.bench")
        logger.logLevel = .error
        try await withStoreDatabase(.sqlite(path: database.path), logger: logger) { database in
            let counts = try await database.withConnection { db in
                (
                    jobs: try await count("jobs WHERE kind = 'lexoffice.event'", in: db),
                    staged: try await count("staged_jobs", in: db),
                    invoices: try await count("source_invoices", in: db)
                )
            }
            report(
                "stored: \(counts.jobs + counts.staged) events (of 2 × \(events) signed ones; repeats dropped): "
                    + "\(counts.jobs) jobs, \(counts.staged) staged for admission; \(counts.invoices) source invoices"
            )
        }
    }

    private static func count(_ rows: String, in db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: rows)").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private static func serveArguments(_ folder: URL) -> [String] {
        [
            "serve", "--port", "0", "--data-dir", folder.path, "--config",
            folder.appendingPathComponent("none.json").path,
            "--database", folder.appendingPathComponent("kontor.sqlite").path, "--print-admin-token",
        ]
    }

    /// The word after `marker` (the URL after "listening on"), or the line's last word.
    private static func word(after marker: String, in process: ChildProcess, last: Bool = false) async throws -> String
    {
        let words = try await process.line(containing: marker).split(separator: " ")
        let markerEnd = words.firstIndex { marker.hasSuffix($0) }.map { $0 + 1 }
        guard let word = last ? words.last : markerEnd.flatMap({ $0 < words.count ? words[$0] : nil }) else {
            throw BenchmarkFailure(description: "no value after '\(marker)'")
        }
        return String(word)
    }

    private static func megabytes(_ bytes: Int) -> Double { Double(bytes) / 1_048_576 }
}
