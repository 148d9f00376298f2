/// Settings of a ``SandboxServer``.
public struct SandboxConfiguration: Sendable {
    /// The address to bind, normally `127.0.0.1`.
    public var host: String
    /// The port; 0 picks a free one (read it from ``SandboxServer/baseURL``).
    public var port: Int
    /// Requests per second per API key (lexoffice: 2); `nil` turns the rate limit off.
    public var rateLimit: Double?
    /// How many requests a key may send at once before the rate applies (token-bucket capacity).
    public var rateLimitBurst: Int
    /// The API key of the default organization; random when `nil`.
    public var defaultAPIKey: String?
    /// Answer a stale `version` on `PUT /v1/contacts/{id}` with 406 (observed live, default) instead of the
    /// documented 409.
    public var contactVersionConflictAs406: Bool
    /// The base URL written into `resourceUri` and `Location`; derived from host and port when `nil`.
    public var publicBaseURL: String?
    /// Whether a new event subscription's callback URL must answer a `HEAD` request (lexoffice checks TLS that
    /// way; 406 otherwise). Off by default: a local sandbox often cannot reach the hosts integrators register.
    public var checksCallbackURLs: Bool
    /// A JSON file that keeps organizations and their data across restarts: loaded at start when it exists,
    /// written atomically every ``stateSaveInterval`` and at shutdown.
    public var stateFile: String?
    /// How often the state file is written while the server runs.
    public var stateSaveInterval: Duration
    /// How long the simulated OCR of an uploaded receipt takes (`blank` → `unchecked`, then `voucher.created`).
    public var ocrDuration: Duration
    /// The PEM private key that signs webhooks; a key pair generated once per process when `nil`.
    public var webhookSigningKeyPEM: String?
    /// Scales the webhook retry schedule (10 s … 2 h): 1 is real time, 0.001 turns 10 s into 10 ms.
    public var webhookTimeScale: Double
    /// The applications the OAuth2 emulation (`/oauth2/...`) knows; by default ``SandboxOAuthClient/demo``.
    public var oauthClients: [SandboxOAuthClient]
    /// Approve every valid `/oauth2/authorize` request at once (redirect with a code) instead of showing the
    /// consent page.
    public var oauthAutoApprove: Bool
    /// How long an OAuth access token is valid (`expires_in`), measured on the sandbox clock.
    public var oauthAccessTokenLifetime: Duration
    /// Accept dunnings only for overdue invoices (open, due date before today) and answer 406 otherwise.
    /// lexoffice's rule is unconfirmed; off by default, so any finalized invoice can be dunned.
    public var dunningRequiresOverdueInvoice: Bool
    /// Replace the refresh token on every refresh (the old one stops working). lexoffice's behaviour is
    /// unconfirmed; rotation is the stricter assumption.
    public var oauthRotateRefreshTokens: Bool

    /// Creates a configuration; the defaults behave like lexoffice on loopback with an ephemeral port.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        rateLimit: Double? = 2,
        rateLimitBurst: Int = 2,
        defaultAPIKey: String? = nil,
        contactVersionConflictAs406: Bool = true,
        publicBaseURL: String? = nil,
        webhookTimeScale: Double = 1,
        webhookSigningKeyPEM: String? = nil,
        ocrDuration: Duration = .seconds(1),
        oauthClients: [SandboxOAuthClient] = [.demo],
        oauthAutoApprove: Bool = false,
        oauthAccessTokenLifetime: Duration = .seconds(3600),
        oauthRotateRefreshTokens: Bool = true,
        stateFile: String? = nil,
        stateSaveInterval: Duration = .seconds(30),
        checksCallbackURLs: Bool = false,
        dunningRequiresOverdueInvoice: Bool = false
    ) {
        self.host = host
        self.port = port
        self.rateLimit = rateLimit
        self.rateLimitBurst = max(1, rateLimitBurst)
        self.defaultAPIKey = defaultAPIKey
        self.contactVersionConflictAs406 = contactVersionConflictAs406
        self.publicBaseURL = publicBaseURL
        self.webhookTimeScale = max(0, webhookTimeScale)
        self.webhookSigningKeyPEM = webhookSigningKeyPEM
        self.ocrDuration = ocrDuration
        self.stateFile = stateFile
        self.checksCallbackURLs = checksCallbackURLs
        self.stateSaveInterval = stateSaveInterval
        self.oauthClients = oauthClients
        self.oauthAutoApprove = oauthAutoApprove
        self.oauthAccessTokenLifetime = oauthAccessTokenLifetime
        self.oauthRotateRefreshTokens = oauthRotateRefreshTokens
        self.dunningRequiresOverdueInvoice = dunningRequiresOverdueInvoice
    }
}
