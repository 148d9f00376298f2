import Foundation
import LexofficeKit
import NIOHTTP1

/// `KontorBench archive-backfill [documents]`: the archive's backfill of the release `kontor serve` against a
/// `kontor sandbox` process with lexoffice's rate limit (2 requests/s per organization) on, one tenant, into a
/// filesystem sink.
///
/// `documents` (default 100) finalized invoices are created in lexoffice first (paced, not measured); then the
/// backfill of their date range is started and timed until every document is archived. Reported: wall time, the
/// hub's lexoffice requests (target 2 per document: read it, download its PDF; plus one voucherlist page per 250)
/// and 429 answers (target 0), and the ratio of the wall time to the bound `2 × documents / 2 rps` (target ≤ 1.05).
enum ArchiveBackfillBenchmark {
    static func run() async throws {
        let documents = CommandLine.arguments.dropFirst(2).compactMap { Int($0) }.first ?? 100
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-bench-\(UUID().uuidString)")
        let archive = folder.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        report("archive-backfill: \(buildKind) kontor serve → kontor sandbox (2 requests/s per organization), 2 cores")
        try await TransferRig.with(in: folder) { rig in
            let tenant = try await rig.setup.connectTenants(count: 1, lanes: 1, active: true, prefix: "archive")[0]
            try await seed(documents, rig: rig, tenant: tenant)
            _ = try await rig.setup.send(
                .PUT,
                rig.setup.hubURL + "/api/v1/tenants/\(tenant.id)/archive",
                json: #"""
                    {"active":true,"documentTypes":["invoice"],"sinks":[{"type":"filesystem","path":"\#(archive.path)"}]}
                    """#,
                authorized: true
            )
            _ = try await rig.setup.waitForIdleQueue(limit: .seconds(600))
            let journal = RequestJournal(rig: rig)
            try await journal.poll()
            let start = Date()
            _ = try await rig.setup.send(
                .POST,
                rig.setup.hubURL + "/api/v1/tenants/\(tenant.id)/archive/backfill",
                json: #"{"from":"2026-03-01","to":"2026-03-31"}"#,
                authorized: true
            )
            let deadline = ContinuousClock.now.advanced(by: .seconds(Int64(documents) * 4 + 120))
            var archived = 0
            while archived < documents, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(250))
                let state = try await rig.setup.send(
                    .GET,
                    rig.setup.hubURL + "/api/v1/tenants/\(tenant.id)/archive",
                    json: nil,
                    authorized: true
                )
                archived = (state["items"] as? [String: Any])?["archived"] as? Int ?? 0
            }
            guard archived == documents else {
                throw BenchmarkFailure(description: "only \(archived) of \(documents) documents were archived in time")
            }
            let seconds = Date().timeIntervalSince(start)
            try await journal.poll()
            let requests = journal.entries(of: tenant.organizationID, since: start)
            let bound = Double(2 * documents) / 2
            report(
                String(
                    format: "backfill of %d invoices: %.1f s for %d requests (%.2f per document, %d × 429); "
                        + "bound %.1f s (2 per document at 2/s), ratio %.3f",
                    documents,
                    seconds,
                    requests.count,
                    Double(requests.count) / Double(documents),
                    requests.filter { $0.status == 429 }.count,
                    bound,
                    seconds / bound
                )
            )
        }
    }

    /// Creates `count` finalized invoices dated 10 March 2026 in the tenant's lexoffice, at its pace.
    private static func seed(_ count: Int, rig: TransferRig, tenant: TenantSetup.ConnectedTenant) async throws {
        let contact = try await rig.setup.send(
            .POST,
            rig.setup.sandboxAdminURL + "/contacts",
            json: #"{"version":0,"roles":{"customer":{}},"company":{"name":"Stammkunde GmbH"}}"#,
            bearer: tenant.apiKey
        )
        guard let contactID = contact["id"] as? String else {
            throw BenchmarkFailure(description: "the sandbox seeded no contact: \(contact)")
        }
        let client = LexofficeClient(
            configuration: LexofficeClientConfiguration(baseURL: rig.sandboxURL, requestsPerSecond: 2),
            credentials: StaticAPIKey(Secret(tenant.apiKey))
        )
        let date = "2026-03-10T00:00:00.000+01:00"
        for number in 0..<count {
            let invoice = """
                {"voucherDate":"\(date)","address":{"contactId":"\(contactID)"},"lineItems":[{"type":"custom",\
                "name":"Leistung \(number)","quantity":1,"unitName":"Stück","unitPrice":{"currency":"EUR",\
                "netAmount":\(number + 1),"taxRatePercentage":19}}],"totalPrice":{"currency":"EUR"},\
                "taxConditions":{"taxType":"net"},"shippingConditions":{"shippingType":"service","shippingDate":"\(date)"}}
                """
            let answer = try await client.raw(
                "POST",
                path: "invoices",
                query: [(name: "finalize", value: "true")],
                body: Data(invoice.utf8)
            )
            guard (200..<300).contains(answer.status) else {
                throw BenchmarkFailure(description: "the sandbox refused invoice \(number): HTTP \(answer.status)")
            }
        }
    }
}
