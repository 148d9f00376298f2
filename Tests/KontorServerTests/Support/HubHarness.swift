import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import KontorCore
import KontorFlows
import KontorServer
import KontorStore
import KontorTestSupport
import LexofficeKit
import LexofficeSandbox
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import ServiceLifecycle
import Synchronization
import Testing

@testable import kontor

/// A running hub API on 127.0.0.1 (port 0) over a fresh SQLite file (or, with `KONTOR_TEST_HUB_DATABASE=postgres`,
/// a fresh PostgreSQL database on the test server), next to a lexoffice sandbox it connects to, with a partner
/// token; tests talk to it over real HTTP.
struct HubHarness {
    let baseURL: String
    let database: any StoreDatabase
    let sandbox: SandboxServer
    let partnerToken: String
    let webhookSigner: WebhookSigner
    let secrets: SecretBox
    /// The hub's server settings (lexoffice is the sandbox).
    let server: HubServerConfiguration
    /// A receiver on 127.0.0.1 answering every callback 204; tenants made by ``createTenant(_:)`` send theirs there
    /// (the hub queues callbacks only for tenants with a callback URL).
    let callbackReceiver: String

    /// An answer: status, headers and the body as text.
    struct Answer {
        let status: Int
        let headers: [String: String]
        let body: String

        /// The body as a JSON object.
        func json() throws -> [String: Any] {
            try #require(
                try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
                "not a JSON object: \(body)"
            )
        }
    }

    static let logger: Logger = {
        var logger = Logger(label: "kontor.server.tests")
        logger.logLevel = .critical
        return logger
    }()

    /// One key pair for all tests of the process: RSA key generation is slow in debug builds.
    static let signer = Result { try WebhookSigner() }

    /// Runs `body` with a hub and a sandbox, then stops both; `/metrics` shows `metrics`; webhooks and invoice saves
    /// count into `intake`. The hub sends `lexofficeRate` requests per second per connection (lexoffice's 2 by
    /// default; the sandbox has no limit). Callbacks may go to loopback receivers unless `callbacksAllowPrivate` is
    /// `false` (the hub's default). With `lexofficeURL` the hub calls lexoffice there instead of the sandbox.
    static func with<Result: Sendable>(
        oauth: Bool = true,
        metrics: HubMetrics = HubMetrics(),
        intake: IntakeLoad = IntakeLoad(),
        lexofficeRate: Double = 2,
        callbacksAllowPrivate: Bool = true,
        lexofficeURL: String? = nil,
        _ body: (HubHarness) async throws -> Result
    ) async throws -> Result {
        try await ScriptedHTTPServer.withServer(.replying { _ in .json(204, "") }) { receiver in
            try await run(
                oauth: oauth,
                metrics: metrics,
                intake: intake,
                lexofficeRate: lexofficeRate,
                callbacksAllowPrivate: callbacksAllowPrivate,
                lexofficeURL: lexofficeURL,
                callbackReceiver: receiver.baseURL + "/callbacks",
                body
            )
        }
    }

    /// ``with(oauth:metrics:intake:lexofficeRate:callbacksAllowPrivate:lexofficeURL:_:)`` with the callback receiver
    /// running.
    private static func run<Result: Sendable>(
        oauth: Bool,
        metrics: HubMetrics,
        intake: IntakeLoad,
        lexofficeRate: Double,
        callbacksAllowPrivate: Bool,
        lexofficeURL: String?,
        callbackReceiver: String,
        _ body: (HubHarness) async throws -> Result
    ) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-hub-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let signer = try Self.signer.get()
        let sandboxConfiguration = SandboxConfiguration(
            rateLimit: nil,
            oauthAutoApprove: true,
            oauthAccessTokenLifetime: .seconds(60)
        )
        return try await SandboxServer.withRunningServer(sandboxConfiguration, logger: logger) { sandbox in
            let sandboxRoot = String(sandbox.baseURL.dropLast("/v1".count))
            let postgres = TestPostgres.isHubDatabase ? try await TestPostgres.makeDatabase(logger: logger) : nil
            let location =
                postgres.map { DatabaseLocation.postgres(url: $0.url) }
                ?? .sqlite(path: folder.appendingPathComponent("hub.sqlite").path)
            let result = try await withStoreDatabase(location, logger: logger) { database in
                try await Migrator(database: database, logger: logger).migrate()
                let partner = try await APITokenStore(database: database).create(scope: .partner, name: "tests")
                let secrets = try SecretBox(masterKey: Data(repeating: 1, count: 32))
                let port = PortBox()
                let server = HubServerConfiguration(
                    publicBaseURL: "http://127.0.0.1:9/hub",
                    lexofficeBaseURL: lexofficeURL ?? sandbox.baseURL,
                    webhookPublicKeyPEM: signer.publicKeyPEM,
                    oauth: !oauth
                        ? nil
                        : OAuth2Configuration(
                            clientID: "kontor-demo",
                            clientSecret: Secret("kontor-demo-secret"),
                            redirectURI: "http://127.0.0.1:9/hub/oauth/callback",
                            authorizationEndpoint: sandboxRoot + "/oauth2/authorize",
                            tokenEndpoint: sandboxRoot + "/oauth2/token",
                            revocationEndpoint: sandboxRoot + "/oauth2/revoke"
                        ),
                    lexofficeRequestsPerSecond: lexofficeRate,
                    callbacksAllowPrivate: callbacksAllowPrivate,
                    dropFolderPolicy: DropFolderPolicy(
                        allowedRoots: [FileManager.default.temporaryDirectory.path],
                        reserved: [folder.path]
                    )
                )
                let router = try HubComposition(database: database, secrets: secrets, server: server)
                    .router(metrics: metrics, intake: intake, logger: logger)
                let application = Application(
                    router: router,
                    configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                    onServerRunning: { channel in port.set(channel.localAddress?.port) },
                    logger: logger
                )
                let group = ServiceGroup(services: [application], logger: logger)
                return try await withThrowingTaskGroup(of: Void.self) { tasks in
                    tasks.addTask { try await group.run() }
                    let deadline = ContinuousClock.now.advanced(by: .seconds(20))
                    while port.value == nil, ContinuousClock.now < deadline {
                        try await Task.sleep(for: .milliseconds(5))
                    }
                    let bound = try #require(port.value, "the hub did not start listening")
                    let harness = HubHarness(
                        baseURL: "http://127.0.0.1:\(bound)",
                        database: database,
                        sandbox: sandbox,
                        partnerToken: partner.token,
                        webhookSigner: signer,
                        secrets: secrets,
                        server: server,
                        callbackReceiver: callbackReceiver
                    )
                    do {
                        let result = try await body(harness)
                        await group.triggerGracefulShutdown()
                        try await tasks.waitForAll()
                        return result
                    } catch {
                        await group.triggerGracefulShutdown()
                        try? await tasks.waitForAll()
                        throw error
                    }
                }
            }
            try await postgres?.drop()
            return result
        }
    }

    /// Sends a request; `token` defaults to the partner token (pass `""` for none).
    func send(
        _ method: HTTPRequest.Method,
        _ path: String,
        json: String? = nil,
        body: Data? = nil,
        contentType: String? = "application/json",
        token: String? = nil,
        headers extra: [String: String] = [:]
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = NIOHTTP1.HTTPMethod(rawValue: method.rawValue)
        let bearer = token ?? partnerToken
        if !bearer.isEmpty { request.headers.add(name: "Authorization", value: "Bearer \(bearer)") }
        if let data = body ?? json.map({ Data($0.utf8) }) {
            if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
            request.body = .bytes(ByteBuffer(bytes: data))
        }
        for (name, value) in extra { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 4 << 20)
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        return Answer(status: Int(response.status.code), headers: headers, body: String(buffer: bytes))
    }

    /// Creates a tenant through the API, its callbacks going to ``callbackReceiver``.
    @discardableResult
    func createTenant(_ id: String) async throws -> Answer {
        let tenant = #"{"id":"\#(id)","name":"Company \#(id)","callbackUrl":"\#(callbackReceiver)"}"#
        let answer = try await send(.post, "/api/v1/tenants", json: tenant)
        #expect(answer.status == 201, "create \(id): \(answer.body)")
        return answer
    }

    /// Creates a tenant through the API and activates it from `since` (an ISO 8601 time).
    func createActiveTenant(_ id: String, since: String = "2026-01-01T00:00:00Z") async throws {
        try await createTenant(id)
        let activated = try await send(.post, "/api/v1/tenants/\(id)/activate", json: #"{"since":"\#(since)"}"#)
        #expect(activated.status == 200, "activate \(id): \(activated.body)")
    }
}

/// The port the hub reports once it listens.
private final class PortBox: Sendable {
    private let port = Mutex<Int?>(nil)
    var value: Int? { port.withLock { $0 } }
    func set(_ value: Int?) { port.withLock { $0 = value } }
}
