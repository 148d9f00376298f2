/// What a started hub tells the person who started it (printed by `kontor serve`).
struct HubStartup: Sendable {
    /// The hub's base URL.
    var baseURL: String
    /// The embedded sandbox's API root, when it runs.
    var sandboxBaseURL: String?
    /// The embedded sandbox's API key, when it runs.
    var sandboxAPIKey: String?
    /// A partner token created at this start (the first one), to be printed (`--print-admin-token`); shown once,
    /// stored only as a hash.
    var newAdminToken: String?
    /// The file a partner token created at this start was written to (mode 0600), when it is not printed.
    var newAdminTokenFile: String?
    /// The demo tenant created and connected at this start (embedded sandbox, empty database).
    var newDemoTenant: String?
    /// The one-time sign-in link of the console's first partner user, created at this start (valid 24 h).
    var newSignInLink: String?
}
