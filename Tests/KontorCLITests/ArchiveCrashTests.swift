import AsyncHTTPClient
import Foundation
import KontorTestSupport
import LexofficeKit
import NIOCore
import NIOHTTP1
import Testing

/// `kill -9` of `kontor serve` in the middle of an archive backfill of 500 documents into a filesystem sink, and
/// during a burst of webhooks into a folder, S3 (moto) and WebDAV (rclone) at once, against a `kontor sandbox` process: after a restart every document is in the sink exactly
/// once (its PDF and its sidecar, no second copy) and every item is archived.
@Suite(.timeLimit(.minutes(5)))
struct ArchiveCrashTests {
    private static let documents = 500

    private static func archivedCount(_ hubURL: String, token: String) async throws -> Int {
        let archive = try await HubProcesses.send(.GET, hubURL + "/api/v1/tenants/acme/archive", token: token).1
        return (archive["items"] as? [String: Any])?["archived"] as? Int ?? 0
    }

    /// The sandbox's lexoffice API, unpaced (the sandbox has no rate limit).
    private static func lexoffice(_ sandbox: HubProcesses.Sandbox) -> LexofficeClient {
        LexofficeClient(
            configuration: LexofficeClientConfiguration(baseURL: sandbox.lexofficeURL, requestsPerSecond: 0),
            credentials: StaticAPIKey(Secret(sandbox.apiKey))
        )
    }

    /// Creates the contact the invoices are for.
    private static func customer(_ sandbox: HubProcesses.Sandbox) async throws -> LexofficeID {
        try await lexoffice(sandbox).contacts.create(
            Contact(
                version: 0,
                roles: ContactRoles(customer: CustomerRole()),
                company: Company(name: "Stammkunde GmbH")
            )
        ).id
    }

    /// Creates finalized invoices numbered `numbers` for `contact`, dated 10 March 2026, four at a time.
    private static func seed(
        _ sandbox: HubProcesses.Sandbox,
        contact: LexofficeID,
        numbers: Range<Int>
    ) async throws {
        let lexoffice = lexoffice(sandbox)
        let date = "2026-03-10T00:00:00.000+01:00"
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<4 {
                group.addTask {
                    for number in stride(from: numbers.lowerBound + lane, to: numbers.upperBound, by: 4) {
                        let invoice = """
                            {"voucherDate":"\(date)","address":{"contactId":"\(contact)"},"lineItems":[{"type":"custom",\
                            "name":"Leistung \(number)","quantity":1,"unitName":"Stück","unitPrice":{"currency":"EUR",\
                            "netAmount":\(number + 1),"taxRatePercentage":19}}],"totalPrice":{"currency":"EUR"},\
                            "taxConditions":{"taxType":"net"},"shippingConditions":{"shippingType":"service",\
                            "shippingDate":"\(date)"}}
                            """
                        let answer = try await lexoffice.raw(
                            "POST",
                            path: "invoices",
                            query: [(name: "finalize", value: "true")],
                            body: Data(invoice.utf8)
                        )
                        #expect(answer.status == 201 || answer.status == 200, "invoice \(number): \(answer.status)")
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    @Test("kill -9 during a backfill of 500 documents: after a restart each is in the sink exactly once")
    func killDuringBackfill() async throws {
        let binary = try #require(
            HubProcesses.binary,
            "the kontor binary is missing: build it with swift build --build-tests"
        )
        try await HubProcesses.withSandbox { sandbox in
            try await Self.seed(sandbox, contact: try await Self.customer(sandbox), numbers: 0..<Self.documents)
            let archive = sandbox.folder.appendingPathComponent("archive")
            let serve = { try HubProcesses.serve(binary, sandbox, rate: 40, lease: 5) }
            let hub = try serve()
            defer { hub.terminate() }
            let (hubURL, token) = try await Self.archiveInvoices(of: sandbox, into: archive, on: hub)
            let api = hubURL + "/api/v1/tenants"
            let range = #"{"from":"2026-03-01","to":"2026-03-31"}"#
            #expect(
                try await HubProcesses.send(.POST, api + "/acme/archive/backfill", token: token, json: range).0 == 202
            )
            var archivedAtCrash = 0
            #expect(
                try await eventually(timeout: .seconds(90)) {
                    archivedAtCrash = try await Self.archivedCount(hubURL, token: token)
                    return archivedAtCrash >= 100
                }
            )
            await hub.crash()
            #expect(archivedAtCrash < Self.documents, "the hub died in the middle of the backfill")

            let (restarted, restartedURL) = try await HubProcesses.started(serve)
            defer { restarted.terminate() }
            #expect(
                try await eventually(timeout: .seconds(180)) {
                    try await Self.archivedCount(restartedURL, token: token) == Self.documents
                }
            )
            try Self.expectEachOnce(Self.documents, in: archive)
            let backfill =
                try await HubProcesses.send(.GET, restartedURL + "/api/v1/tenants/acme/archive", token: token)
                .1["backfill"] as? [String: Any]
            #expect(backfill?["state"] as? String == "finished" && backfill?["queued"] as? Int == Self.documents)
            await restarted.stop()
        }
    }

    /// Sets up the tenant `acme` on `hub`: active, connected to the sandbox, archiving its invoices into a
    /// filesystem sink at `archive` and the `moreSinks` (JSON objects of the settings). Returns the hub's URL and
    /// admin token.
    private static func archiveInvoices(
        of sandbox: HubProcesses.Sandbox,
        into archive: URL,
        moreSinks: [String] = [],
        on hub: ChildProcess
    ) async throws -> (hubURL: String, token: String) {
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        let (hubURL, token) = try await HubProcesses.connectedTenant(on: hub, to: sandbox)
        let api = hubURL + "/api/v1/tenants"
        let sinks = ([#"{"type":"filesystem","path":"\#(archive.path)"}"#] + moreSinks).joined(separator: ",")
        let settings = #"{"active":true,"documentTypes":["invoice"],"sinks":[\#(sinks)]}"#
        #expect(try await HubProcesses.send(.PUT, api + "/acme/archive", token: token, json: settings).0 == 200)
        return (hubURL, token)
    }

    /// Expects `count` documents in the filesystem sink at `archive`: each one's PDF and sidecar, once.
    private static func expectEachOnce(_ count: Int, in archive: URL) throws {
        try expectEachOnce(count, among: try FileManager.default.subpathsOfDirectory(atPath: archive.path), "folder")
    }

    /// Expects `count` documents among the paths or keys a `sink` holds: each one's PDF and sidecar, once.
    private static func expectEachOnce(_ count: Int, among files: [String], _ sink: String) throws {
        let pdfs = files.filter { $0.hasSuffix(".pdf") }
        let sidecars = files.filter { $0.hasSuffix(".json") }
        #expect(pdfs.count == count, "\(sink): each document's PDF once")
        #expect(sidecars.count == count, "\(sink): each document's sidecar once")
        #expect(Set(pdfs.map { $0.dropLast(4) }) == Set(sidecars.map { $0.dropLast(5) }), "\(sink)")
        #expect(files.allSatisfy { !$0.hasSuffix("tmp") }, "\(sink): no temp file left behind")
    }

    @Test(
        """
        kill -9 during a burst of webhooks, and more arriving while the hub is down: after a restart each once in a \
        folder, S3 and WebDAV
        """
    )
    func killDuringWebhookBurst() async throws {
        try await StorageServer.withMoto(bucket: "belege") { moto in
            try await StorageServer.withWebDAV { webdav in
                try await Self.killDuringWebhookBurst(moto: moto, webdav: webdav)
            }
        }
    }

    private static func killDuringWebhookBurst(moto: StorageServer, webdav: StorageServer) async throws {
        let binary = try #require(
            HubProcesses.binary,
            "the kontor binary is missing: build it with swift build --build-tests"
        )
        let burst = 200
        let whileDown = 100
        let moreSinks = [
            """
            {"type":"s3","endpoint":"\(moto.baseURL)","region":"us-east-1","bucket":"belege",\
            "accessKeyId":"AKIDKONTOR","secretAccessKey":"moto-accepts-any"}
            """,
            #"{"type":"webdav","url":"\#(webdav.baseURL)/","username":"u","password":"p"}"#,
        ]
        // lexoffice retries a failed webhook after 30 minutes, then every 2 hours: 1.8 s and 7.2 s here.
        try await HubProcesses.withSandbox(webhookTimeScale: 0.001) { sandbox in
            let contact = try await Self.customer(sandbox)
            let archive = sandbox.folder.appendingPathComponent("archive")
            let hub = try HubProcesses.serve(binary, sandbox, rate: 40, lease: 5)
            defer { hub.terminate() }
            let (hubURL, token) = try await Self.archiveInvoices(
                of: sandbox,
                into: archive,
                moreSinks: moreSinks,
                on: hub
            )
            let port = try #require(hubURL.split(separator: ":").last.flatMap { Int($0) })
            // The burst: every finalized invoice is announced to the hub by webhook while the hub archives.
            try await Self.seed(sandbox, contact: contact, numbers: 0..<burst)
            var archivedAtCrash = 0
            #expect(
                try await eventually(timeout: .seconds(90)) {
                    archivedAtCrash = try await Self.archivedCount(hubURL, token: token)
                    return archivedAtCrash >= 40
                }
            )
            await hub.crash()
            #expect(archivedAtCrash < burst, "the hub died in the middle of the burst")
            // Finalized while the hub is down: each webhook fails and waits for lexoffice's retry.
            try await Self.seed(sandbox, contact: contact, numbers: burst..<(burst + whileDown))
            // Down longer than a delivery's 5 s timeout (within it, the sandbox's HTTP client would keep trying to
            // connect and reach the restarted hub in the first attempt).
            try await Task.sleep(for: .seconds(7))

            let (restarted, restartedURL) = try await HubProcesses.started {
                try HubProcesses.serve(binary, sandbox, rate: 40, lease: 5, port: port)
            }
            defer { restarted.terminate() }
            #expect(
                try await eventually(timeout: .seconds(180)) {
                    try await Self.archivedCount(restartedURL, token: token) == burst + whileDown
                }
            )
            try Self.expectEachOnce(burst + whileDown, in: archive)
            try Self.expectEachOnce(burst + whileDown, among: try await moto.objectKeys(bucket: "belege"), "S3")
            let davFolder = webdav.folder.appendingPathComponent("data").path
            try Self.expectEachOnce(
                burst + whileDown,
                among: try FileManager.default.subpathsOfDirectory(atPath: davFolder),
                "WebDAV"
            )
            let log = String(sandbox.lexofficeURL.dropLast("/v1".count)) + "/_sandbox/webhooks"
            let attempts = try await HTTPClient.shared.execute(HTTPClientRequest(url: log), timeout: .seconds(20))
            let entries =
                try JSONSerialization.jsonObject(
                    with: Data(try await attempts.body.collect(upTo: 16 << 20).readableBytesView)
                ) as? [[String: Any]]
            #expect(
                entries?.contains { ($0["attempt"] as? Int ?? 1) > 1 } == true,
                "webhooks sent while the hub was down reached it by lexoffice's retry"
            )
            await restarted.stop()
        }
    }
}
