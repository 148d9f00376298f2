import AsyncHTTPClient
import Foundation
import KontorStore
import KontorTestSupport
import LexofficeKit
import Logging
import NIOCore
import NIOHTTP1
import SQLKit
import Testing

/// `kill -9` of `kontor serve` in the middle of a 300-invoice export, against a `kontor sandbox` process: after a
/// restart every invoice is in lexoffice exactly once and the source hears of each transfer once.
@Suite(.timeLimit(.minutes(4)))
struct TransferCrashTests {
    private static let invoices = 300

    private static func invoice(_ number: Int) -> String {
        """
        {"number":"R-\(number)","date":"2026-03-10","taxType":"net","status":"finalized",
        "customer":{"sourceId":"K-\(number % 10)","company":{"name":"Kunde \(number % 10) GmbH"}},
        "lineItems":[{"name":"Leistung \(number)","quantity":1,"unitName":"Stück","unitPrice":{"net":\(number)},
        "taxRatePercent":19}]}
        """
    }

    /// An export running on a hub process.
    private struct ExportRun {
        let hubURL: String
        let token: String
        let export: String

        /// The export's URL on a restarted hub at `url`.
        func export(on url: String) -> String { export.replacingOccurrences(of: hubURL, with: url) }
    }

    /// On the freshly started `hub`: a tenant connected to `sandbox` (callbacks to `callbackURL`), `count`
    /// invoices, and an export of them.
    private static func startExport(
        on hub: ChildProcess,
        sandbox: HubProcesses.Sandbox,
        callbackURL: String,
        count: Int
    ) async throws -> ExportRun {
        let tenant = #"{"id":"acme","name":"Acme","settings":{"autoTransfer":false},"callbackUrl":"\#(callbackURL)"}"#
        let (hubURL, token) = try await HubProcesses.connectedTenant(on: hub, to: sandbox, tenant: tenant)
        let api = hubURL + "/api/v1/tenants"
        for number in 1...count {
            let path = api + "/acme/invoices/inv-\(number)"
            #expect(try await HubProcesses.send(.PUT, path, token: token, json: Self.invoice(number)).0 == 202)
        }
        let range = #"{"from":"2026-03-01","to":"2026-03-31"}"#
        let started = try await HubProcesses.send(.POST, api + "/acme/exports", token: token, json: range)
        #expect(started.1["pending"] as? Int == count)
        return ExportRun(
            hubURL: hubURL,
            token: token,
            export: api + "/acme/exports/\(started.1["id"] as? String ?? "")"
        )
    }

    /// How many of the export's invoices are in lexoffice.
    private static func done(_ export: String, token: String) async throws -> Int {
        try await HubProcesses.send(.GET, export, token: token).1["done"] as? Int ?? 0
    }

    /// The sandbox's invoices, all of them.
    private static func lexofficeInvoices(_ sandbox: HubProcesses.Sandbox) async throws -> Int {
        let client = LexofficeClient(
            configuration: LexofficeClientConfiguration(baseURL: sandbox.lexofficeURL, requestsPerSecond: 0),
            credentials: StaticAPIKey(Secret(sandbox.apiKey))
        )
        return try await client.voucherList.page(
            VoucherListFilter(voucherTypes: .only([.invoice]), voucherStatuses: .any),
            page: try PageRequest(page: 0, size: 250)
        ).totalElements ?? 0
    }

    @Test("kill -9 during a 300-invoice export: after the restart 300 invoices, each once, 300 distinct callbacks")
    func killDuringExport() async throws {
        let binary = try #require(
            HubProcesses.binary,
            "the kontor binary is missing: build it with swift build --build-tests"
        )
        try await HubProcesses.withSandbox { sandbox in
            try await ScriptedHTTPServer.withServer(.replying { _ in .json(204, "") }) { receiver in
                let serve = {
                    try HubProcesses.serve(binary, sandbox)
                }
                let hub = try serve()
                defer { hub.terminate() }
                let run = try await Self.startExport(
                    on: hub,
                    sandbox: sandbox,
                    callbackURL: receiver.baseURL + "/hooks",
                    count: Self.invoices
                )
                var doneAtCrash = 0
                #expect(
                    try await eventually(timeout: .seconds(60)) {
                        doneAtCrash = try await Self.done(run.export, token: run.token)
                        return doneAtCrash >= 60
                    }
                )
                await hub.crash()
                #expect(doneAtCrash < Self.invoices, "the hub died in the middle of the export")

                let (restarted, restartedURL) = try await HubProcesses.started(serve)
                defer { restarted.terminate() }
                #expect(
                    try await eventually(timeout: .seconds(150)) {
                        try await Self.done(run.export(on: restartedURL), token: run.token) == Self.invoices
                    }
                )
                #expect(
                    try await Self.lexofficeInvoices(sandbox) == Self.invoices,
                    "exactly one lexoffice invoice per source invoice"
                )
                let client = LexofficeClient(
                    configuration: LexofficeClientConfiguration(baseURL: sandbox.lexofficeURL, requestsPerSecond: 0),
                    credentials: StaticAPIKey(Secret(sandbox.apiKey))
                )
                let contacts = try await client.contacts.page(page: try PageRequest(page: 0, size: 250))
                #expect(contacts.totalElements == 10, "one contact per source customer")

                var lexofficeIDs: Set<String> = []
                for number in 1...Self.invoices {
                    let read = try await HubProcesses.send(
                        .GET,
                        restartedURL + "/api/v1/tenants/acme/invoices/inv-\(number)",
                        token: run.token
                    )
                    if let id = read.1["lexofficeId"] as? String { lexofficeIDs.insert(id) }
                }
                #expect(lexofficeIDs.count == Self.invoices, "each source invoice is linked to its own document")

                let delivered = try await eventually(timeout: .seconds(60)) {
                    Set(Self.transferredEventIDs(receiver.requests)).count >= Self.invoices
                }
                #expect(delivered)
                #expect(Set(Self.transferredEventIDs(receiver.requests)).count == Self.invoices)
                await restarted.stop()
            }
        }
    }

    @Test("SIGTERM during an export: the hub ends cleanly, and the next start resumes at once, each invoice once")
    func gracefulShutdownDuringExport() async throws {
        let binary = try #require(
            HubProcesses.binary,
            "the kontor binary is missing: build it with swift build --build-tests"
        )
        let count = 120
        try await HubProcesses.withSandbox { sandbox in
            try await ScriptedHTTPServer.withServer(.replying { _ in .json(204, "") }) { receiver in
                // 10 requests per second: the export takes about half a minute, long enough to stop it midway.
                let serve = {
                    try HubProcesses.serve(binary, sandbox, rate: 10)
                }
                let hub = try serve()
                defer { hub.terminate() }
                let run = try await Self.startExport(
                    on: hub,
                    sandbox: sandbox,
                    callbackURL: receiver.baseURL + "/hooks",
                    count: count
                )
                #expect(
                    try await eventually(timeout: .seconds(60)) {
                        try await Self.done(run.export, token: run.token) >= 20
                    }
                )
                #expect(await hub.shutDown(timeout: .seconds(20)) == 0, "SIGTERM ends the hub cleanly")
                let doneAtStop = try await Self.lexofficeInvoices(sandbox)
                #expect(doneAtStop < count, "the hub stopped in the middle of the export")

                let (restarted, restartedURL) = try await HubProcesses.started(serve)
                defer { restarted.terminate() }
                // The stopped hub gave its lease back: work goes on at once, not after the 30 s lease ran out.
                #expect(
                    try await eventually(timeout: .seconds(10)) {
                        try await Self.lexofficeInvoices(sandbox) > doneAtStop
                    },
                    "resumed within 10 s"
                )
                #expect(
                    try await eventually(timeout: .seconds(90)) {
                        try await Self.done(run.export(on: restartedURL), token: run.token) == count
                    }
                )
                #expect(try await Self.lexofficeInvoices(sandbox) == count, "each invoice once")
                await restarted.stop()
            }
        }
    }

    /// The hub's database, as the test opens it beside the hub.
    private static func hubDatabase(_ sandbox: HubProcesses.Sandbox) -> DatabaseLocation {
        sandbox.databaseURL.map { .postgres(url: $0) }
            ?? .sqlite(path: sandbox.folder.appendingPathComponent("kontor.sqlite").path)
    }

    /// Installs a trigger in the hub's database that refuses every change of a tenant lease (renewals, takeovers)
    /// while the table `test_faults` has a row: a database error injected into lease renewal, in a real process.
    private static func installLeaseFault(_ sandbox: HubProcesses.Sandbox) async throws {
        let statements =
            sandbox.databaseURL == nil
            ? [
                "CREATE TABLE test_faults (name TEXT)",
                """
                CREATE TRIGGER refuse_lease_changes BEFORE UPDATE ON tenant_leases \
                WHEN EXISTS (SELECT 1 FROM test_faults) BEGIN SELECT RAISE(ABORT, 'injected: lease change refused'); END
                """,
            ]
            : [
                "CREATE TABLE test_faults (name TEXT)",
                """
                CREATE FUNCTION refuse_lease_changes() RETURNS trigger AS $$ BEGIN \
                IF EXISTS (SELECT 1 FROM test_faults) THEN RAISE EXCEPTION 'injected: lease change refused'; END IF; \
                RETURN NEW; END $$ LANGUAGE plpgsql
                """,
                """
                CREATE TRIGGER refuse_lease_changes BEFORE UPDATE ON tenant_leases \
                FOR EACH ROW EXECUTE FUNCTION refuse_lease_changes()
                """,
            ]
        try await Self.run(statements, in: sandbox)
    }

    /// Runs `statements` on the hub's database from the test process.
    private static func run(_ statements: [String], in sandbox: HubProcesses.Sandbox) async throws {
        try await withStoreDatabase(Self.hubDatabase(sandbox), connections: 1, logger: Logger(label: "t")) { database in
            for statement in statements {
                try await database.transaction { db in try await db.raw("\(unsafeRaw: statement)").run() }
            }
        }
    }

    @Test(
        "a hub whose lease renewals fail is killed while it loses the lease, under 429s: one document per invoice"
    )
    func killWhileLosingLease() async throws {
        let binary = try #require(
            HubProcesses.binary,
            "the kontor binary is missing: build it with swift build --build-tests"
        )
        let count = 20
        // The sandbox allows 2 requests per second, the hub sends 6: its POSTs wait out 429s while it loses the lease.
        try await HubProcesses.withSandbox(rateLimit: 2) { sandbox in
            try await ScriptedHTTPServer.withServer(.replying { _ in .json(204, "") }) { receiver in
                let hub = try HubProcesses.serve(binary, sandbox, rate: 6, lease: 3)
                defer { hub.terminate() }
                let run = try await Self.startExport(
                    on: hub,
                    sandbox: sandbox,
                    callbackURL: receiver.baseURL + "/hooks",
                    count: count
                )
                try await Self.installLeaseFault(sandbox)
                #expect(
                    try await eventually(timeout: .seconds(60)) {
                        try await Self.done(run.export, token: run.token) >= 3
                    }
                )
                try await Self.run(["INSERT INTO test_faults (name) VALUES ('renewal')"], in: sandbox)
                await #expect(throws: (any Error).self, "lease changes fail now") {
                    try await Self.run(["UPDATE tenant_leases SET lease_until = lease_until"], in: sandbox)
                }
                // The next renewal (a second after the last) fails, is tried again, and the lease runs out two
                // seconds after its last renewal: the hub is killed in between, while it is losing the lease.
                try await Task.sleep(for: .milliseconds(1_500))
                await hub.crash()
                try await Self.run(["DELETE FROM test_faults"], in: sandbox)

                let (restarted, restartedURL) = try await HubProcesses.started {
                    try HubProcesses.serve(binary, sandbox, rate: 6, lease: 3)
                }
                defer { restarted.terminate() }
                #expect(
                    try await eventually(timeout: .seconds(150)) {
                        try await Self.done(run.export(on: restartedURL), token: run.token) == count
                    }
                )
                #expect(try await Self.lexofficeInvoices(sandbox) == count, "exactly one lexoffice document each")
                var lexofficeIDs: Set<String> = []
                for number in 1...count {
                    let path = restartedURL + "/api/v1/tenants/acme/invoices/inv-\(number)"
                    if let id = try await HubProcesses.send(.GET, path, token: run.token).1["lexofficeId"] as? String {
                        lexofficeIDs.insert(id)
                    }
                }
                #expect(lexofficeIDs.count == count)
                await restarted.stop()
            }
        }
    }

    /// The event ids of the `invoice.transferred` callbacks received (repeats included).
    private static func transferredEventIDs(_ requests: [ScriptedHTTPServer.Request]) -> [String] {
        requests.compactMap { request in
            guard let body = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any],
                body["type"] as? String == "invoice.transferred"
            else { return nil }
            return request.header("Kontor-Event-Id")
        }
    }
}
