import AsyncHTTPClient
import Foundation
import KontorTestSupport
import LexofficeKit
import NIOCore
import NIOHTTP1
import Testing

/// `kill -9` of `kontor serve` in the middle of forwarding a batch of 300 documents (issue 26), against a
/// `kontor sandbox` process: after a restart every document is in lexoffice exactly once.
@Suite(.timeLimit(.minutes(5)))
struct ForwardingCrashTests {
    private static let invoices = 150
    private static let scans = 150

    private static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/einvoice-samples")

    /// Posts a document as `multipart/form-data`; returns the status.
    private static func post(
        _ url: String,
        token: String,
        externalID: String,
        name: String,
        data: Data
    ) async throws
        -> Int
    {
        let boundary = "kontor-crash-\(externalID)"
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
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)")
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
        _ = try await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }

    private static func forwardedCount(_ hubURL: String, token: String) async throws -> Int {
        var count = 0
        var cursor: String?
        repeat {
            let page = try await HubProcesses.send(
                .GET,
                hubURL + "/api/v1/tenants/acme/documents?state=forwarded&limit=500"
                    + (cursor.map { "&cursor=\($0)" } ?? ""),
                token: token
            ).1
            count += (page["items"] as? [Any])?.count ?? 0
            cursor = page["nextCursor"] as? String
        } while cursor != nil
        return count
    }

    @Test("kill -9 while 300 documents are forwarded: after a restart each is in lexoffice exactly once")
    func killDuringBatch() async throws {
        let binary = try #require(
            HubProcesses.binary,
            "the kontor binary is missing: build it with swift build --build-tests"
        )
        try await HubProcesses.withSandbox { sandbox in
            let serve = { try HubProcesses.serve(binary, sandbox, rate: 40) }
            let hub = try serve()
            defer { hub.terminate() }
            // Forwarding works for active tenants only, as the other flows do.
            let (hubURL, token) = try await HubProcesses.connectedTenant(on: hub, to: sandbox, activation: nil)
            let api = hubURL + "/api/v1/tenants"
            let settings = """
                {"forwarding":{"active":true,"activeSince":"2026-01-01T00:00:00Z",\
                "categories":{"incoming":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"}}}
                """
            #expect(try await HubProcesses.send(.PATCH, api + "/acme", token: token, json: settings).0 == 200)
            // The batch waits behind the hub-wide switch while it is posted, so that posting (slow on a loaded
            // machine) cannot take longer than forwarding it and the kill always lands in the middle.
            let forwarding = hubURL + "/api/v1/forwarding"
            let off = try await HubProcesses.send(.PUT, forwarding, token: token, json: #"{"active":false}"#)
            #expect(off.0 == 200)
            let invoice = try String(
                contentsOf: Self.samples.appendingPathComponent("cii/EN16931_Einfach.cii.xml"),
                encoding: .utf8
            )
            for number in 0..<Self.invoices {
                let xml = invoice.replacingOccurrences(
                    of: "<ram:ID>471102</ram:ID>",
                    with: "<ram:ID>K-\(number)</ram:ID>"
                )
                let status = try await Self.post(
                    api + "/acme/documents",
                    token: token,
                    externalID: "inv-\(number)",
                    name: "inv-\(number).xml",
                    data: Data(xml.utf8)
                )
                #expect(status == 202)
            }
            for number in 0..<Self.scans {
                let pdf = Data("%PDF-1.4\n% scan \(number)\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)
                let status = try await Self.post(
                    api + "/acme/documents",
                    token: token,
                    externalID: "scan-\(number)",
                    name: "scan-\(number).pdf",
                    data: pdf
                )
                #expect(status == 202)
            }
            let on = try await HubProcesses.send(.PUT, forwarding, token: token, json: #"{"active":true}"#)
            #expect(on.0 == 200)
            var forwardedAtCrash = 0
            #expect(
                try await eventually(timeout: .seconds(90)) {
                    forwardedAtCrash = try await Self.forwardedCount(hubURL, token: token)
                    return forwardedAtCrash >= 40
                }
            )
            await hub.crash()
            let total = Self.invoices + Self.scans
            #expect(forwardedAtCrash < total, "the hub died in the middle of the batch")

            let (restarted, restartedURL) = try await HubProcesses.started(serve)
            defer { restarted.terminate() }
            #expect(
                try await eventually(timeout: .seconds(180)) {
                    try await Self.forwardedCount(restartedURL, token: token) == total
                }
            )
            let lexoffice = LexofficeClient(
                configuration: LexofficeClientConfiguration(baseURL: sandbox.lexofficeURL, requestsPerSecond: 0),
                credentials: StaticAPIKey(Secret(sandbox.apiKey))
            )
            // An uploaded scan's voucher is listed once lexoffice's recognition left status `blank`.
            var numbers: [String] = []
            var vouchers = 0
            _ = try await eventually(timeout: .seconds(30)) {
                numbers = []
                vouchers = 0
                let all = try lexoffice.voucherList.pages(
                    VoucherListFilter(voucherTypes: .only([.purchaseInvoice]), voucherStatuses: .any)
                ).elements
                for try await voucher in all {
                    vouchers += 1
                    if let number = voucher.voucherNumber { numbers.append(number) }
                }
                return vouchers >= total
            }
            #expect(numbers.count == Self.invoices, "each e-invoice became one voucher")
            #expect(Set(numbers).count == numbers.count, "no voucher number twice")
            #expect(vouchers == total, "each scan was uploaded once (its own voucher), each invoice built once")
            await restarted.stop()
        }
    }
}
