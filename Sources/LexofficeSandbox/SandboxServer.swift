import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import LexofficeKit
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// A local lexoffice: the public API under `/v1` plus admin hooks under `/_sandbox`.
///
/// Run it as a `Service` (``run()``, e.g. in a `ServiceGroup`), or in tests with
/// ``withRunningServer(_:logger:body:)``; or mount ``routes(context:)`` into another Hummingbird app.
/// A default organization reachable with ``defaultAPIKey`` exists from the start.
public final class SandboxServer: Service, Sendable {
    /// The settings the server was created with.
    public let configuration: SandboxConfiguration
    /// The API key of the default organization.
    public let defaultAPIKey: String
    /// The id of the default organization.
    public let defaultOrganizationID: LexofficeID
    private let state: SandboxState
    private let webhooks: WebhookDispatcher
    private let scheduler = SandboxScheduler()
    private let faults = FaultInjector()
    private let logger: Logger
    private let boundPort = Mutex<Int?>(nil)
    private let mountedBaseURL = Mutex<String?>(nil)
    private let onListening: @Sendable (SandboxServer) -> Void

    /// Creates a server, its webhook signing key and its default organization; nothing listens until ``run()``.
    /// - Parameter onListening: called once the server accepts connections (e.g. to print ``baseURL``).
    /// - Throws: when no RSA key pair can be generated.
    public init(
        configuration: SandboxConfiguration = SandboxConfiguration(),
        logger: Logger = Logger(label: "LexofficeSandbox", factory: { _ in SwiftLogNoOpLogHandler() }),
        onListening: @escaping @Sendable (SandboxServer) -> Void = { _ in }
    ) throws {
        self.configuration = configuration
        self.logger = logger
        self.onListening = onListening
        state = SandboxState(clock: SandboxClock())
        let signer =
            try configuration.webhookSigningKeyPEM.map { try WebhookSigner(privateKeyPEM: $0) } ?? Self.processSigner()
        webhooks = WebhookDispatcher(state: state, signer: signer, timeScale: configuration.webhookTimeScale)
        state.sendEvents(to: { [webhooks] events in webhooks.publish(events) })
        let snapshot = try configuration.stateFile.flatMap { path in
            FileManager.default.fileExists(atPath: path) ? try SandboxSnapshot.load(from: path) : nil
        }
        if let snapshot { state.restore(snapshot) }
        defaultAPIKey = configuration.defaultAPIKey ?? snapshot?.defaultAPIKey ?? AdminRoutes.newAPIKey()
        defaultOrganizationID =
            state.organization(forKey: defaultAPIKey)
            ?? state.createOrganization(companyName: Self.defaultCompanyName, apiKey: defaultAPIKey)
    }

    /// Writes the state file now (``SandboxConfiguration/stateFile``); does nothing without one.
    /// - Throws: when the file cannot be written.
    public func saveState() throws {
        guard let path = configuration.stateFile else { return }
        try state.snapshot(defaultAPIKey: defaultAPIKey).save(to: path)
    }

    /// The API root clients use, e.g. `http://127.0.0.1:49152/v1` (known once the server listens).
    public var baseURL: String {
        if let publicBaseURL = configuration.publicBaseURL { return publicBaseURL }
        if let mounted = mountedBaseURL.withLock({ $0 }) { return mounted }
        let port = boundPort.withLock { $0 } ?? configuration.port
        return "http://\(configuration.host):\(port)/v1"
    }

    /// Whether the server is listening.
    public var isListening: Bool { boundPort.withLock { $0 } != nil }

    /// The simulated endpoints and admin hooks, for mounting under a prefix in another Hummingbird app
    /// (`router.addRoutes(sandbox.routes(), atPath: "/sandbox")`). Set ``SandboxConfiguration/publicBaseURL``
    /// so that `resourceUri` values carry the prefix.
    public func routes<Context: RequestContext>(
        context: Context.Type = BasicRequestContext.self
    ) -> RouteCollection<Context> {
        let api = SandboxAPI(
            state: state,
            configuration: configuration,
            scheduler: scheduler,
            faults: faults,
            baseURL: { [self] in baseURL }
        )
        let table = SandboxRouteTable<Context>(api: api)
        ReferenceDataRoutes().register(on: table)
        ContactRoutes(api: api).register(on: table)
        ArticleRoutes(api: api).register(on: table)
        VoucherRoutes(api: api).register(on: table)
        FileRoutes(api: api).register(on: table)
        EventSubscriptionRoutes(api: api).register(on: table)
        SalesVoucherRoutes<Invoice>(api: api).register(on: table)
        SalesVoucherRoutes<CreditNote>(api: api).register(on: table)
        SalesVoucherRoutes<Quotation>(api: api).register(on: table)
        SalesVoucherRoutes<OrderConfirmation>(api: api).register(on: table)
        SalesVoucherRoutes<DeliveryNote>(api: api).register(on: table)
        SalesVoucherRoutes<Dunning>(api: api).register(on: table)
        SalesVoucherRoutes<DownPaymentInvoice>(api: api, isCreatable: false, hasDocumentEndpoint: false).register(
            on: table
        )
        VoucherListRoutes().register(on: table)
        RecurringTemplateRoutes().register(on: table)
        let collection = table.routes()
        OAuthRoutes(api: api, defaultAPIKey: defaultAPIKey).register(on: collection)
        UserActionRoutes(api: api).register(on: collection)
        FaultRoutes(faults: faults).register(on: collection)
        AdminRoutes(
            api: api,
            webhooks: webhooks,
            defaultCompanyName: Self.defaultCompanyName,
            defaultAPIKey: defaultAPIKey
        )
        .register(on: collection)
        return collection
    }

    /// Listens on the configured host and port until the task is cancelled or a graceful shutdown is triggered.
    public func run() async throws {
        let router = Router()
        router.addRoutes(routes())
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: "LexofficeSandbox"
            ),
            onServerRunning: { [self] channel in
                boundPort.withLock { $0 = channel.localAddress?.port }
                onListening(self)
            },
            logger: logger
        )
        defer { boundPort.withLock { $0 = nil } }
        try await withBackgroundWork { try await application.run() }
    }

    /// Tells a sandbox mounted into another application where its API root is (e.g.
    /// `http://127.0.0.1:8080/sandbox/v1`), for `resourceUri` values; ``SandboxConfiguration/publicBaseURL`` wins.
    public func mount(at baseURL: String) {
        mountedBaseURL.withLock { $0 = baseURL }
    }

    /// Runs what the sandbox does besides answering requests — webhook delivery, scheduled events, saving the
    /// state file — for a sandbox whose ``routes(context:)`` are mounted into another application (the hub's
    /// `kontor serve`). Returns on graceful shutdown or cancellation, after saving the state.
    public func runMounted() async throws {
        try await withBackgroundWork {
            try await gracefulShutdown()
        }
    }

    /// Runs the background work of the sandbox while `foreground` runs; saves the state when it ends.
    private func withBackgroundWork(_ foreground: @escaping @Sendable () async throws -> Void) async throws {
        let httpClient = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: HTTPClient.Configuration(redirectConfiguration: .follow(max: 3, allowCycles: false))
        )
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { [webhooks] in await webhooks.run(httpClient: httpClient) }
                group.addTask { [scheduler] in await scheduler.run() }
                if configuration.stateFile != nil {
                    group.addTask { [self] in try await saveStatePeriodically() }
                }
                try await foreground()
                group.cancelAll()
            }
        } catch {
            try? saveState()
            try? await httpClient.shutdown()
            throw error
        }
        try saveState()
        try await httpClient.shutdown()
    }

    /// Saves the state file every ``SandboxConfiguration/stateSaveInterval`` until cancelled.
    private func saveStatePeriodically() async throws {
        while true {
            try await Task.sleep(for: configuration.stateSaveInterval)
            do {
                try saveState()
            } catch {
                logger.warning("could not save the sandbox state", metadata: ["sandbox.state.error": "\(error)"])
            }
        }
    }

    /// The public key (PEM) that verifies the `X-Lxo-Signature` of this sandbox's webhooks.
    public var webhookPublicKeyPEM: String { webhooks.signer.publicKeyPEM }

    /// Starts a server, waits until it listens, runs `body`, then shuts the server down gracefully.
    public static func withRunningServer<Result: Sendable>(
        _ configuration: SandboxConfiguration = SandboxConfiguration(),
        logger: Logger = Logger(label: "LexofficeSandbox", factory: { _ in SwiftLogNoOpLogHandler() }),
        body: (SandboxServer) async throws -> Result
    ) async throws -> Result {
        let server = try SandboxServer(configuration: configuration, logger: logger)
        let group = ServiceGroup(services: [server], logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let deadline = ContinuousClock.now.advanced(by: .seconds(30))
            while !server.isListening {
                guard ContinuousClock.now < deadline else { throw SandboxStartError() }
                try await Task.sleep(for: .milliseconds(5))
            }
            do {
                let result = try await body(server)
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

    static let defaultCompanyName = "Sandbox Fahrradwerkstatt GmbH"

    /// One key pair per process, made on first use: RSA key generation is slow, and sandboxes started in the
    /// same process (tests) need not each have their own.
    private static let sharedSigner = Result { try WebhookSigner() }

    private static func processSigner() throws -> WebhookSigner {
        try sharedSigner.get()
    }
}

/// The server did not start listening within 30 seconds.
public struct SandboxStartError: Error, CustomStringConvertible {
    public var description: String { "the lexoffice sandbox did not start listening within 30 seconds" }
}
