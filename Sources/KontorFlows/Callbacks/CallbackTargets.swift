import KontorCore

/// Where a tenant's callbacks go and what signs them.
package struct CallbackTarget: Sendable, Equatable {
    /// The source application's callback URL.
    package var url: String
    /// The tenant's signing secret, `nil` when it has none (then nothing can be delivered).
    package var secret: String?

    /// A target.
    package init(url: String, secret: String?) {
        self.url = url
        self.secret = secret
    }
}

/// The tenants' callback settings, a port the store implements.
package protocol CallbackTargets: Sendable {
    /// The tenant's callback target, or `nil` when the tenant (no longer) has a callback URL.
    func callbackTarget(of tenant: TenantID) async throws -> CallbackTarget?
}
