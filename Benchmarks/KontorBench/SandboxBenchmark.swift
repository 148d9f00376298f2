import Foundation
import LexofficeKit
import LexofficeSandbox

/// The `sandbox` suite: requests per second of the simulator with the rate limit off, measured with `wrk`
/// (Debian package `wrk`) on loopback, next to a trivial sandbox route in the same run for the ratio.
enum SandboxBenchmark {
    static func run() async throws {
        guard let wrk = Wrk() else {
            print("sandbox: skipped — install wrk (apt-get install wrk) to measure requests per second")
            return
        }
        #if DEBUG
        print("warning: debug build — run `swift run -c release KontorBench sandbox` for meaningful figures")
        #endif
        let configuration = SandboxConfiguration(rateLimit: nil, defaultAPIKey: "bench-key")
        try await SandboxServer.withRunningServer(configuration) { server in
            let client = LexofficeClient(
                configuration: LexofficeClientConfiguration(baseURL: server.baseURL, requestsPerSecond: 0),
                credentials: StaticAPIKey("bench-key"),
                pacerRegistry: RequestPacerRegistry()
            )
            let contact = try await client.contacts.create(
                Contact(version: 0, roles: ContactRoles(customer: CustomerRole()), company: Company(name: "Bench GmbH"))
            )
            print("KontorBench sandbox (\(ProcessInfo.processInfo.activeProcessorCount) cores, wrk -t2 -c32 -d5s)")
            let contactRead = try await measure(wrk, url: server.baseURL + "/contacts/\(contact.id)")
            let invoice = try await measure(wrk, url: server.baseURL + "/invoices", script: invoiceScript)
            let ping = try await measure(wrk, url: server.baseURL + "/ping")
            for (name, result) in [
                ("GET  /v1/contacts/{id}  ", contactRead), ("POST /v1/invoices       ", invoice),
                ("GET  /v1/ping (baseline)", ping),
            ] {
                print(
                    String(
                        format: "%@ %9.0f req/s  p99 %6.2f ms  (ratio to ping %.2f)",
                        name,
                        result.requestsPerSecond,
                        result.p99Milliseconds,
                        result.requestsPerSecond / ping.requestsPerSecond
                    )
                )
            }
        }
    }

    /// A wrk script creating a draft net invoice with one line item per request.
    private static let invoiceScript = """
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"
        wrk.body = [[{"voucherDate":"2026-11-30T00:00:00.000+01:00","address":{"name":"Bench GmbH","countryCode":"DE"},\
        "lineItems":[{"type":"custom","name":"Wartung","quantity":1.5,"unitName":"Stunde",\
        "unitPrice":{"currency":"EUR","netAmount":80.0,"taxRatePercentage":19}}],"totalPrice":{"currency":"EUR"},\
        "taxConditions":{"taxType":"net"},"shippingConditions":{"shippingType":"none"}}]]
        """

    /// Runs wrk for 5 seconds against `url` (with a Lua `script` when given).
    private static func measure(_ wrk: Wrk, url: String, script: String? = nil) async throws -> Wrk.Result {
        try await wrk.run(["-t2", "-c32", "-d5s", "-H", "Authorization: Bearer bench-key", url], script: script)
    }
}
