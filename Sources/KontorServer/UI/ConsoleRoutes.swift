import Foundation
import HTTPTypes
import Hummingbird
import KontorCore
import KontorFlows
import KontorStore
import LexofficeKit

/// The web console at `/ui` (DESIGN.md §7, §8): server-rendered pages on the hub's own stores, German or English,
/// signed in by session cookie, every form with a form token; `/` leads to it.
struct ConsoleRoutes {
    let configuration: HubServerConfiguration
    let database: any StoreDatabase
    let connector: LexofficeConnector
    let archiveChange: ArchiveSettingsChange
    let secrets: SecretBox
    let clock: any WallClock

    /// Registers the console's routes on `router`.
    /// - Throws: when a template or the catalogue does not parse (a build defect).
    func register(on router: Router<HubRequestContext>) throws {
        let catalogue = try ConsoleCatalogue()
        let renderer = try ConsoleRenderer(
            catalogue: catalogue,
            oauthAuthorizationEndpoint: configuration.oauth?.authorizationEndpoint
        )
        let cookies = ConsoleCookie(isSecure: configuration.publicBaseURL.lowercased().hasPrefix("https://"))
        let tenants = TenantStore(database: database, clock: clock)
        let users = ConsoleUserStore(database: database, clock: clock)
        let sessions = ConsoleSessionStore(database: database, clock: clock)
        let activity = ActivityLog(database: database, clock: clock)
        let tokens = APITokenStore(database: database, clock: clock)
        let callbackSecrets = CallbackSecrets(tenants: tenants, box: secrets)
        let queue = JobQueue(database: database, clock: clock)
        let oauthAvailable = configuration.oauth != nil

        router.get("") { _, _ in ConsoleErrorMiddleware.redirect(to: "/ui/") }
        router.get("favicon.ico") { _, _ in ConsoleErrorMiddleware.redirect(to: "/ui/assets/icon.svg") }
        Self.registerAssets(on: router)
        let ui = router.group("ui")
            .add(middleware: ConsoleErrorMiddleware(renderer: renderer))
            .add(middleware: ConsoleSessionMiddleware(sessions: sessions, publicBaseURL: configuration.publicBaseURL))
        ConsoleSignInRoutes(
            users: users,
            sessions: sessions,
            codes: SignInCodeStore(database: database, clock: clock),
            throttle: SignInThrottle(clock: clock),
            renderer: renderer,
            cookies: cookies
        )
        .register(on: ui)
        ConsoleAccountRoutes(users: users, sessions: sessions, renderer: renderer, cookies: cookies).register(on: ui)
        ConsoleTenantListRoutes(
            overviews: TenantOverviewStore(database: database),
            hubSwitch: ForwardingSwitchStore(queue: queue),
            tenants: tenants,
            activity: activity,
            callbackSecrets: callbackSecrets,
            renderer: renderer,
            clock: clock
        )
        .register(on: ui)
        ConsoleTenantRoutes(
            tenants: tenants,
            connections: ConnectionStore(database: database, secrets: secrets, clock: clock),
            tokens: tokens,
            activity: activity,
            callbackSecrets: callbackSecrets,
            renderer: renderer,
            oauthAvailable: oauthAvailable,
            clock: clock
        )
        .register(on: ui)
        ConsoleConnectionRoutes(
            tenants: tenants,
            connector: connector,
            oauthStates: OAuthStateStore(database: database, clock: clock),
            oauthAvailable: oauthAvailable,
            renderer: renderer
        )
        .register(on: ui)
        ConsoleTokenRoutes(tenants: tenants, tokens: tokens, activity: activity, renderer: renderer).register(on: ui)
        ConsoleInvoiceRoutes(
            tenants: tenants,
            invoices: SourceInvoiceStore(database: database, clock: clock),
            ledger: TransferLedger(queue: queue),
            appURL: configuration.lexofficeAppURL,
            renderer: renderer
        )
        .register(on: ui)
        ConsoleExportRoutes(tenants: tenants, exports: ExportStore(queue: queue), renderer: renderer, clock: clock)
            .register(on: ui)
        ConsoleActivityRoutes(tenants: tenants, activity: activity, renderer: renderer).register(on: ui)
        // Any other console address: the console's own "not found" page, not the API's problem+json.
        ui.get("**") { _, _ -> Response in throw ConsoleFailure(code: "not-found") }
        ConsoleCustomerRoutes(
            tenants: tenants,
            customers: CustomerStore(database: database, clock: clock),
            feed: CustomerFeedStore(queue: queue),
            renderer: renderer,
            clock: clock
        )
        .register(on: ui)
        ConsoleArchiveRoutes(tenants: tenants, archive: archiveChange.archive, renderer: renderer).register(on: ui)
        ConsoleArchiveSettingsRoutes(
            tenants: tenants,
            change: archiveChange,
            renderer: renderer
        )
        .register(on: ui)
        ConsoleDocumentRoutes(
            tenants: tenants,
            documents: ForwardingStore(queue: queue),
            dropFolders: DropFolderAssignment(
                policy: configuration.dropFolderPolicy,
                folders: ForwardingStore(queue: queue)
            ),
            renderer: renderer,
            clock: clock
        )
        .register(on: ui)
    }

    /// The stylesheet, the progress script and the icon: served by the hub itself (no CDN), cached for an hour.
    private static func registerAssets(on router: Router<HubRequestContext>) {
        for (name, type, bytes) in [
            ("kontor.css", "text/css; charset=utf-8", PackageResources.kontor_css),
            ("progress.js", "text/javascript; charset=utf-8", PackageResources.progress_js),
            ("icon.svg", "image/svg+xml", PackageResources.icon_svg),
        ] {
            router.get("ui/assets/\(name)") { _, _ in
                Response(
                    status: .ok,
                    headers: [
                        .contentType: type, .cacheControl: "public, max-age=3600",
                        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
                    ],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
                )
            }
        }
    }
}
