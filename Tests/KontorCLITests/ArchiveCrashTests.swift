import Foundation
import KontorTestSupport
import LexofficeKit
import NIOHTTP1
import Testing

/// `kill -9` of `kontor serve` in the middle of an archive backfill of 500 documents into a filesystem sink, against
/// a `kontor sandbox` process: after a restart every document is in the sink exactly once (its PDF and its sidecar,
/// no second copy) and every item is archived.
@Suite(.timeLimit(.minutes(5)))
struct ArchiveCrashTests {
    private static let documents = 500

    private static func archivedCount(_ hubURL: String, token: String) async throws -> Int {
        let archive = try await HubProcesses.send(.GET, hubURL + "/api/v1/tenants/acme/archive", token: token).1
        return (archive["items"] as? [String: Any])?["archived"] as? Int ?? 0
    }

    /// Creates the finalized invoices, dated 10 March 2026, unpaced (the sandbox has no rate limit).
    private static func seed(_ sandbox: HubProcesses.Sandbox) async throws {
        let lexoffice = LexofficeClient(
            configuration: LexofficeClientConfiguration(baseURL: sandbox.lexofficeURL, requestsPerSecond: 0),
            credentials: StaticAPIKey(Secret(sandbox.apiKey))
        )
        let contact = try await lexoffice.contacts.create(
            Contact(
                version: 0,
                roles: ContactRoles(customer: CustomerRole()),
                company: Company(name: "Stammkunde GmbH")
            )
        ).id
        let date = "2026-03-10T00:00:00.000+01:00"
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<4 {
                group.addTask {
                    for number in stride(from: lane, to: documents, by: 4) {
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
            try await Self.seed(sandbox)
            let archive = sandbox.folder.appendingPathComponent("archive")
            try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
            let serve = { try HubProcesses.serve(binary, sandbox, rate: 40, lease: 5) }
            let hub = try serve()
            defer { hub.terminate() }
            let hubURL = try #require(
                HubProcesses.word(after: "on", in: try await hub.line(containing: "listening on"))
            )
            let token = String(try #require(try await hub.line(containing: "Admin token").split(separator: " ").last))
            let api = hubURL + "/api/v1/tenants"
            #expect(
                try await HubProcesses.send(.POST, api, token: token, json: #"{"id":"acme","name":"Acme"}"#).0 == 201
            )
            let since = #"{"since":"2026-01-01T00:00:00Z"}"#
            #expect(try await HubProcesses.send(.POST, api + "/acme/activate", token: token, json: since).0 == 200)
            let key = #"{"apiKey":"\#(sandbox.apiKey)"}"#
            #expect(
                try await HubProcesses.send(.PUT, api + "/acme/connection/api-key", token: token, json: key).0 == 200
            )
            let settings =
                #"{"active":true,"documentTypes":["invoice"],"sinks":[{"type":"filesystem","path":"\#(archive.path)"}]}"#
            #expect(try await HubProcesses.send(.PUT, api + "/acme/archive", token: token, json: settings).0 == 200)
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
            let files = try FileManager.default.subpathsOfDirectory(atPath: archive.path)
            let pdfs = files.filter { $0.hasSuffix(".pdf") && !$0.hasSuffix(".tmp") }
            let sidecars = files.filter { $0.hasSuffix(".json") }
            #expect(pdfs.count == Self.documents, "each document's PDF once")
            #expect(sidecars.count == Self.documents, "each document's sidecar once")
            #expect(Set(pdfs.map { $0.dropLast(4) }) == Set(sidecars.map { $0.dropLast(5) }))
            let backfill =
                try await HubProcesses.send(.GET, restartedURL + "/api/v1/tenants/acme/archive", token: token)
                .1["backfill"] as? [String: Any]
            #expect(backfill?["state"] as? String == "finished" && backfill?["queued"] as? Int == Self.documents)
            await restarted.stop()
        }
    }
}
