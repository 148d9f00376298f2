import AsyncHTTPClient
import Foundation
import KontorTestSupport
import LexofficeKit
import NIOCore
import NIOHTTP1
import Synchronization

/// The processes of the transfer benchmark: a `kontor sandbox` with its default rate limit and a `kontor serve`
/// using it as lexoffice, with workers for every tenant at once; plus the calls the benchmark makes.
struct TransferRig {
    let setup: TenantSetup
    let sandboxURL: String

    /// Starts both processes, runs `body`, stops them.
    static func with(in folder: URL, _ body: (TransferRig) async throws -> Void) async throws {
        let sandbox = try ChildProcess(kontor: ["sandbox", "--port", "0"], in: folder)
        var pool = HTTPClient.Configuration.ConnectionPool()
        pool.concurrentHTTP1ConnectionsPerHostSoftLimit = 128
        let client = HTTPClient(configuration: HTTPClient.Configuration(connectionPool: pool))
        var hub: ChildProcess?
        do {
            guard let sandboxURL = try await sandbox.line(containing: "base URL:").split(separator: " ").last else {
                throw BenchmarkFailure(description: "kontor sandbox printed no base URL")
            }
            // The hub must trust the sandbox's key: lexoffice's webhooks for the transferred invoices are part of
            // the load (with another key each is answered 401 and delivered again 10 s later).
            let keyFile = folder.appendingPathComponent("webhook-key.pem")
            let keyResponse = try await client.execute(
                HTTPClientRequest(url: String(sandboxURL.dropLast("/v1".count)) + "/_sandbox/public-key.pem"),
                timeout: .seconds(30)
            )
            guard keyResponse.status == .ok else {
                throw BenchmarkFailure(description: "the sandbox did not give its webhook key: \(keyResponse.status)")
            }
            try Data(try await keyResponse.body.collect(upTo: 1 << 16).readableBytesView).write(to: keyFile)
            let started = try ChildProcess(
                kontor: [
                    "serve", "--port", "0", "--data-dir", folder.path, "--config", folder.path + "/none.json",
                    "--lexoffice-url", String(sandboxURL), "--print-admin-token",
                ],
                environment: ["KONTOR_LEXOFFICE_WEBHOOK_KEY_FILE": keyFile.path, "KONTOR_WORKERS_TENANTS": "1024"],
                in: folder
            )
            hub = started
            let listening = try await started.line(containing: "listening on").split(separator: " ")
            let token = try await started.line(containing: "Admin token").split(separator: " ").last
            guard let onIndex = listening.firstIndex(of: "on"), onIndex + 1 < listening.count, let token else {
                throw BenchmarkFailure(description: "kontor serve printed no URL or token: \(started.printed)")
            }
            let rig = TransferRig(
                setup: TenantSetup(
                    client: client,
                    hubURL: String(listening[onIndex + 1]),
                    token: String(token),
                    sandboxAdminURL: String(sandboxURL.dropLast("/v1".count)) + "/_sandbox"
                ),
                sandboxURL: String(sandboxURL)
            )
            try await body(rig)
        } catch {
            await hub?.stop()
            await sandbox.stop()
            try? await client.shutdown()
            throw error
        }
        await hub?.stop()
        await sandbox.stop()
        try await client.shutdown()
    }

    /// Stores `count` finalized invoices of one known customer (a contact seeded in the sandbox, named by its
    /// lexoffice id) for `tenant`, `lanes` at a time.
    func put(invoices count: Int, of tenant: TenantSetup.ConnectedTenant, lanes: Int) async throws {
        let contact = try await setup.send(
            .POST,
            setup.sandboxAdminURL + "/contacts",
            json: #"{"version":0,"roles":{"customer":{}},"company":{"name":"Stammkunde GmbH"}}"#,
            bearer: tenant.apiKey
        )
        guard let contactID = contact["id"] as? String else {
            throw BenchmarkFailure(description: "the sandbox seeded no contact: \(contact)")
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<lanes {
                group.addTask {
                    for number in stride(from: lane, to: count, by: lanes) {
                        let invoice = """
                            {"number":"R-\(number)","date":"2026-03-10","taxType":"net","status":"finalized",\
                            "customer":{"sourceId":"K-1","lexofficeContactId":"\(contactID)"},\
                            "lineItems":[{"name":"Leistung","quantity":1,"unitName":"Stück","unitPrice":{"net":\(number + 1)},\
                            "taxRatePercent":19}]}
                            """
                        _ = try await setup.send(
                            .PUT,
                            setup.hubURL + "/api/v1/tenants/\(tenant.id)/invoices/inv-\(number)",
                            json: invoice,
                            authorized: true
                        )
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// Starts an export of the tenant's March invoices.
    /// - Returns: The export's id.
    @discardableResult
    func startExport(of tenant: TenantSetup.ConnectedTenant) async throws -> String {
        let export = try await setup.send(
            .POST,
            setup.hubURL + "/api/v1/tenants/\(tenant.id)/exports",
            json: #"{"from":"2026-03-01","to":"2026-03-31"}"#,
            authorized: true
        )
        guard let id = export["id"] as? String else {
            throw BenchmarkFailure(description: "no export for \(tenant.id): \(export)")
        }
        return id
    }

    /// Starts an export of the tenant's March invoices and polls it until `expecting` are done or failed.
    /// - Returns: How many were done and failed.
    func export(of tenant: TenantSetup.ConnectedTenant, expecting: Int) async throws -> (done: Int, failed: Int) {
        let id = try await startExport(of: tenant)
        let deadline = ContinuousClock.now.advanced(by: .seconds(3600))
        while ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(250))
            let progress = try await setup.send(
                .GET,
                setup.hubURL + "/api/v1/tenants/\(tenant.id)/exports/\(id)",
                json: nil,
                authorized: true
            )
            let done = progress["done"] as? Int ?? 0
            let failed = progress["failed"] as? Int ?? 0
            if done + failed >= expecting { return (done, failed) }
        }
        throw BenchmarkFailure(description: "the export of \(tenant.id) did not finish within an hour")
    }
}

/// The sandbox's request journal, collected by polling (it keeps only its last 10,000 entries): each poll asks
/// only for the entries after the last one seen, so measuring costs the sandbox little.
final class RequestJournal: Sendable {
    /// One request lexoffice received.
    struct Entry: Sendable {
        var method: String
        var path: String
        var status: Int
        var time: Date
    }

    private struct Collected {
        var lastSequence = 0
        var byOrganization: [String: [Entry]] = [:]
    }

    private let rig: TransferRig
    private let collected = Mutex(Collected())

    init(rig: TransferRig) {
        self.rig = rig
    }

    /// Adds the journal's entries since the last poll.
    func poll() async throws {
        let after = collected.withLock { $0.lastSequence }
        var request = HTTPClientRequest(url: rig.setup.sandboxAdminURL + "/requests?after=\(after)")
        request.method = .GET
        let response = try await rig.setup.client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 64 << 20)
        guard let list = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [[String: Any]] else {
            throw BenchmarkFailure(description: "the sandbox journal is not a list")
        }
        collected.withLock { collected in
            for item in list {
                guard let sequence = item["sequence"] as? Int, sequence > collected.lastSequence,
                    let method = item["method"] as? String, let path = item["path"] as? String,
                    let status = item["status"] as? Int, let time = item["time"] as? String,
                    let date = try? LexofficeDateTime(time).date
                else { continue }
                collected.lastSequence = sequence
                let entry = Entry(method: method, path: path, status: status, time: date)
                collected.byOrganization[item["organizationId"] as? String ?? "", default: []].append(entry)
            }
        }
    }

    /// The API requests (`/v1/…`) of `organizationID` at or after `start`.
    func entries(of organizationID: String, since start: Date) -> [Entry] {
        collected.withLock { collected in
            (collected.byOrganization[organizationID] ?? []).filter { $0.time >= start && $0.path.hasPrefix("/v1/") }
        }
    }
}
