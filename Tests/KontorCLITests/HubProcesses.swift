import AsyncHTTPClient
import Foundation
import KontorTestSupport
import LexofficeKit
import Logging
import NIOCore
import NIOHTTP1
import Testing

/// `kontor sandbox` and `kontor serve` as processes for the crash tests: a sandbox in a temp folder, hubs started
/// and restarted on it, requests to them.
enum HubProcesses {
    /// The built `kontor` binary.
    static let binary = builtExecutable(named: "kontor")

    /// Sends a request to the hub (JSON body) and returns status and body.
    static func send(
        _ method: HTTPMethod,
        _ url: String,
        token: String?,
        json: String? = nil
    ) async throws -> (Int, [String: Any]) {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
        let body = try await response.body.collect(upTo: 4 << 20)
        let object = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any]
        return (Int(response.status.code), object ?? [:])
    }

    /// Starts `kontor serve` on the sandbox's folder (and its PostgreSQL database, if any) against the sandbox.
    /// `port` 0 picks a free one; a restarted hub that must receive the webhooks lexoffice retries to its first
    /// run's URL takes that run's port.
    static func serve(
        _ binary: URL,
        _ sandbox: Sandbox,
        rate: Int = 40,
        lease: Int = 30,
        port: Int = 0
    ) throws -> ChildProcess {
        var environment = [
            "KONTOR_LEXOFFICE_URL": sandbox.lexofficeURL,
            "KONTOR_LEXOFFICE_WEBHOOK_KEY_FILE": sandbox.keyFile.path,
            "KONTOR_LEXOFFICE_RATE": "\(rate)",
            "KONTOR_CALLBACKS_ALLOW_PRIVATE": "true",
            "KONTOR_WORKERS_LEASE_SECONDS": "\(lease)",
        ]
        if let databaseURL = sandbox.databaseURL { environment["KONTOR_DATABASE_URL"] = databaseURL }
        return try ChildProcess(
            binary,
            [
                "serve", "--port", "\(port)", "--data-dir", sandbox.folder.path, "--config",
                sandbox.folder.path + "/none.json", "--print-admin-token",
            ],
            environment: environment,
            in: sandbox.folder
        )
    }

    static func word(after marker: String, in line: String) -> String? {
        let words = line.split(separator: " ")
        guard let index = words.firstIndex(where: { marker.hasSuffix($0) }), index + 1 < words.count else {
            return nil
        }
        return String(words[index + 1])
    }

    /// A `kontor sandbox` process without rate limit, and what a hub needs to use it.
    struct Sandbox {
        let folder: URL
        let lexofficeURL: String
        let apiKey: String
        let keyFile: URL
        /// The hub's PostgreSQL database (`KONTOR_TEST_HUB_DATABASE=postgres`); `nil`: SQLite in the folder.
        let databaseURL: String?
    }

    /// Runs `body` with a sandbox process (allowing `rateLimit` requests per second and key; 0: no limit) in a new
    /// temp folder (and a new PostgreSQL database for the hub when the hub tests run on PostgreSQL), then stops it
    /// and removes both. `webhookTimeScale` shrinks lexoffice's webhook retry schedule (30 min, then 2 h).
    static func withSandbox(
        rateLimit: Int = 0,
        webhookTimeScale: Double = 1,
        _ body: (Sandbox) async throws -> Void
    ) async throws {
        let binary = try #require(
            HubProcesses.binary,
            "the kontor binary is missing: build it with swift build --build-tests"
        )
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = try ChildProcess(
            binary,
            ["sandbox", "--port", "0", "--rate-limit", "\(rateLimit)", "--webhook-time-scale", "\(webhookTimeScale)"],
            in: folder
        )
        defer { process.terminate() }
        let lexofficeURL = try #require(Self.word(after: "URL:", in: try await process.line(containing: "base URL:")))
        let apiKey = try #require(try await process.line(containing: "API key:").split(separator: " ").last)
        // The key the sandbox process signs its webhooks with (its own, drawn at start), for the hub to verify them.
        let keyFile = folder.appendingPathComponent("webhook-key.pem")
        let keyURL = String(lexofficeURL.dropLast("/v1".count)) + "/_sandbox/public-key.pem"
        let key = try await HTTPClient.shared.execute(HTTPClientRequest(url: keyURL), timeout: .seconds(20))
        #expect(key.status == HTTPResponseStatus.ok, "the sandbox's webhook key: \(key.status)")
        try Data(try await key.body.collect(upTo: 64 << 10).readableBytesView).write(to: keyFile)
        let postgres =
            TestPostgres.isHubDatabase ? try await TestPostgres.makeDatabase(logger: Logger(label: "t")) : nil
        try await body(
            Sandbox(
                folder: folder,
                lexofficeURL: lexofficeURL,
                apiKey: String(apiKey),
                keyFile: keyFile,
                databaseURL: postgres?.url
            )
        )
        await process.stop()
        try await postgres?.drop()
    }

    /// Reads the hub's URL and admin token from `hub`'s output, then creates the tenant `acme` (`tenant`: the
    /// create body), activates it (`activation`: the activate body) and connects it to `sandbox` by API key.
    static func connectedTenant(
        on hub: ChildProcess,
        to sandbox: Sandbox,
        tenant: String = #"{"id":"acme","name":"Acme"}"#,
        activation: String? = #"{"since":"2026-01-01T00:00:00Z"}"#
    ) async throws -> (hubURL: String, token: String) {
        let hubURL = try #require(word(after: "on", in: try await hub.line(containing: "listening on")))
        let token = String(try #require(try await hub.line(containing: "Admin token").split(separator: " ").last))
        let api = hubURL + "/api/v1/tenants"
        #expect(try await send(.POST, api, token: token, json: tenant).0 == 201)
        #expect(try await send(.POST, api + "/acme/activate", token: token, json: activation).0 == 200)
        let key = #"{"apiKey":"\#(sandbox.apiKey)"}"#
        #expect(try await send(.PUT, api + "/acme/connection/api-key", token: token, json: key).0 == 200)
        return (hubURL, token)
    }

    /// Starts a hub with `serve` and waits until it listens; returns it and its URL.
    static func started(_ serve: () throws -> ChildProcess) async throws -> (ChildProcess, String) {
        let hub = try serve()
        do {
            let url = try #require(Self.word(after: "on", in: try await hub.line(containing: "listening on")))
            return (hub, url)
        } catch {
            hub.terminate()
            throw error
        }
    }
}
