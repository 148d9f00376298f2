import Foundation
import LexofficeKit
import LexofficeSandbox

/// The `sandbox` suite: requests per second of the simulator with the rate limit off, measured with `wrk`
/// (Debian package `wrk`) on loopback, next to a trivial sandbox route in the same run for the ratio.
enum SandboxBenchmark {
    static func run() async throws {
        guard let wrk = ["/usr/bin/wrk", "/usr/local/bin/wrk"].first(where: FileManager.default.isExecutableFile) else {
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
            let contactRate = try measure(wrk, url: server.baseURL + "/contacts/\(contact.id)")
            let pingRate = try measure(wrk, url: server.baseURL + "/ping")
            print(String(format: "GET /v1/contacts/{id}   %10.0f req/s", contactRate))
            print(
                String(
                    format: "GET /v1/ping (baseline) %10.0f req/s  (contact/ping ratio %.2f)",
                    pingRate,
                    contactRate / pingRate
                )
            )
        }
    }

    /// Runs wrk for 5 seconds against `url` and returns its requests per second.
    private static func measure(_ wrk: String, url: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrk)
        process.arguments = ["-t2", "-c32", "-d5s", "-H", "Authorization: Bearer bench-key", url]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let line = text.split(separator: "\n").first { $0.hasPrefix("Requests/sec:") }
        guard let value = line?.split(separator: " ").last.flatMap({ Double($0) }) else {
            throw BenchmarkFailure(description: "wrk printed no Requests/sec line")
        }
        if text.contains("Non-2xx") { throw BenchmarkFailure(description: "the sandbox answered errors under load") }
        return value
    }
}

/// A benchmark that could not measure.
struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
}
