import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// `KontorBench forwarding [documents]`: forwarding (issue 26) of the release `kontor serve` against a
/// `kontor sandbox` process with lexoffice's rate limit on (2 requests/s per organization), one tenant.
///
/// (a) `documents` (default 60) XRechnung CII e-invoices, each with its own number, from a seller whose contact
///     exists (a first document created it): wall time against the bound `requests / 2 rps`, requests per document
///     (target 3: contact search, voucher, attachment).
/// (b) as many scans (plain PDFs): requests per document (target 1: the upload).
///
/// Requests are counted from the sandbox's request journal; 429 answers are counted too (target 0).
enum ForwardingBenchmark {
    static func run() async throws {
        let documents = CommandLine.arguments.dropFirst(2).compactMap { Int($0) }.first ?? 60
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let invoice = try String(contentsOf: sample("cii/EN16931_Einfach.cii.xml"), encoding: .utf8)
        report("forwarding: \(buildKind) kontor serve → kontor sandbox (2 requests/s per organization), 2 cores")
        try await TransferRig.with(in: folder) { rig in
            let tenant = try await rig.setup.connectTenants(count: 1, lanes: 1, active: true, prefix: "fwd")[0]
            _ = try await rig.setup.send(
                .PATCH,
                rig.setup.hubURL + "/api/v1/tenants/\(tenant.id)",
                json: """
                    {"forwarding":{"active":true,"activeSince":"2026-01-01T00:00:00Z",\
                    "categories":{"incoming":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"}}}
                    """,
                authorized: true
            )
            let journal = RequestJournal(rig: rig)
            try await post(rig, tenant: tenant.id, "warm-up", Data(invoice.utf8), name: "warm-up.xml")
            try await waitForForwarded(rig, tenant: tenant.id, count: 1)
            _ = try await rig.setup.waitForIdleQueue(limit: .seconds(120))
            for (label, kind) in [("(a) e-invoices", "xml"), ("(b) scans", "pdf")] {
                try await journal.poll()
                let start = Date()
                for number in 0..<documents {
                    let data =
                        kind == "xml"
                        ? Data(
                            invoice.replacingOccurrences(
                                of: "<ram:ID>471102</ram:ID>",
                                with: "<ram:ID>B-\(number)</ram:ID>"
                            )
                            .utf8
                        )
                        : Data("%PDF-1.4\n% scan \(number)\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)
                    try await post(rig, tenant: tenant.id, "\(kind)-\(number)", data, name: "\(kind)-\(number).\(kind)")
                }
                let expected = 1 + documents * (kind == "xml" ? 1 : 2)
                try await waitForForwarded(rig, tenant: tenant.id, count: expected)
                let seconds = Date().timeIntervalSince(start)
                try await journal.poll()
                let requests = journal.entries(of: tenant.organizationID, since: start)
                report(
                    String(
                        format: "%@: %d documents in %.1f s, %d requests (%.2f per document, %d × 429); bound %.1f s",
                        label,
                        documents,
                        seconds,
                        requests.count,
                        Double(requests.count) / Double(documents),
                        requests.filter { $0.status == 429 }.count,
                        Double(requests.count) / 2
                    )
                )
            }
        }
    }

    private static func sample(_ path: String) -> URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // KontorBench
            .deletingLastPathComponent()  // Benchmarks
            .deletingLastPathComponent()
            .appendingPathComponent("Tests/Fixtures/einvoice-samples/\(path)")
    }

    /// Posts a document (incoming, approved 2026-02-01) as `multipart/form-data`.
    private static func post(
        _ rig: TransferRig,
        tenant: String,
        _ externalID: String,
        _ data: Data,
        name: String
    )
        async throws
    {
        let boundary = "kontor-bench-\(externalID)"
        var body = Data()
        for (field, value) in [
            ("externalId", externalID), ("direction", "incoming"), ("approvedAt", "2026-02-01T10:00:00Z"),
        ] {
            body.append(
                Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n".utf8)
            )
        }
        body.append(
            Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n\r\n".utf8)
        )
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var request = HTTPClientRequest(url: rig.setup.hubURL + "/api/v1/tenants/\(tenant)/documents")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(rig.setup.token)")
        request.headers.add(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)")
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await rig.setup.client.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .accepted else {
            throw BenchmarkFailure(description: "posting \(externalID) answered \(response.status)")
        }
    }

    /// Waits until `count` of the tenant's documents are forwarded (a failed one fails the benchmark).
    private static func waitForForwarded(_ rig: TransferRig, tenant: String, count: Int) async throws {
        let deadline = ContinuousClock.now.advanced(by: .seconds(3600))
        while ContinuousClock.now < deadline {
            let failed = try await rig.setup.send(
                .GET,
                rig.setup.hubURL + "/api/v1/tenants/\(tenant)/documents?state=failed&limit=1",
                json: nil,
                authorized: true
            )
            if let item = (failed["items"] as? [[String: Any]])?.first {
                throw BenchmarkFailure(description: "a document failed: \(item["reason"] ?? "")")
            }
            let pending = try await rig.setup.send(
                .GET,
                rig.setup.hubURL + "/api/v1/tenants/\(tenant)/documents?state=pending&limit=500",
                json: nil,
                authorized: true
            )
            if (pending["items"] as? [Any])?.isEmpty == true {
                var forwarded = 0
                var cursor: String?
                repeat {
                    let page = try await rig.setup.send(
                        .GET,
                        rig.setup.hubURL + "/api/v1/tenants/\(tenant)/documents?state=forwarded&limit=500"
                            + (cursor.map { "&cursor=\($0)" } ?? ""),
                        json: nil,
                        authorized: true
                    )
                    forwarded += (page["items"] as? [Any])?.count ?? 0
                    cursor = page["nextCursor"] as? String
                } while cursor != nil
                if forwarded >= count { return }
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw BenchmarkFailure(description: "forwarding did not finish within an hour")
    }
}
