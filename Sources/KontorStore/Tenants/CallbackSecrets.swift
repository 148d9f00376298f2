import Foundation
import KontorCore
import KontorFlows

/// The per-tenant secrets that sign callbacks: random, sealed at rest, shown to the partner only when made. The
/// callback flow reads a tenant's URL and secret through it (``CallbackTargets``).
package struct CallbackSecrets: CallbackTargets {
    private let tenants: TenantStore
    private let box: SecretBox

    /// Secrets of `tenants`, sealed with `box`.
    package init(tenants: TenantStore, box: SecretBox) {
        self.tenants = tenants
        self.box = box
    }

    /// Makes a new secret for the tenant (replacing the old one) and returns it; shown once.
    package func rotate(_ tenant: TenantID) async throws -> String {
        let secret = "kcs_" + SecureToken.random()
        try await tenants.setSealedCallbackSecret(try box.seal(secret, context: Self.context(tenant)), of: tenant)
        return secret
    }

    /// The tenant's current secret, or `nil` when it has none.
    package func secret(of tenant: TenantID) async throws -> String? {
        guard let sealed = try await tenants.sealedCallbackSecret(of: tenant) else { return nil }
        return try box.open(sealed, context: Self.context(tenant))
    }

    package func callbackTarget(of tenant: TenantID) async throws -> CallbackTarget? {
        guard let url = try await tenants.tenant(tenant)?.callbackURL else { return nil }
        return CallbackTarget(url: url, secret: try await secret(of: tenant))
    }

    private static func context(_ tenant: TenantID) -> String { "tenant:\(tenant.rawValue)/callback" }
}
