import HTTPTypes
import Hummingbird
import LexofficeKit

extension SandboxAPI {
    /// Whom a bearer token speaks for.
    struct Bearer: Sendable, Equatable {
        var organizationID: LexofficeID
        /// The OAuth connection of an access token; `nil` for an API key.
        var connectionID: LexofficeID?
        /// The connection of the credential, OAuth or API key: it owns the event subscriptions created with it.
        var credentialConnectionID: LexofficeID
        /// Whether the credential's rate-limit bucket had a token (always `true` without a rate limit).
        var isWithinRateLimit: Bool
    }

    /// The configured rate limit; `nil` when it is off.
    var rateLimit: TokenBucket.Limit? {
        configuration.rateLimit.map { TokenBucket.Limit(capacity: configuration.rateLimitBurst, refillPerSecond: $0) }
    }

    /// Resolves a bearer token: an API key (every permission), or an unexpired OAuth access token whose scopes
    /// include the one ``OAuthScope/required(method:path:)`` names for the request; and takes a rate-limit token
    /// for it (for an API key in the same lock acquisition as the lookup).
    /// - Throws: 401 (gateway body) for an unknown, expired or revoked token; 403 (regular body) for a missing
    ///   scope.
    func authorize(_ token: String, for request: Request) throws -> Bearer {
        if let key = state.admit(key: token, rateLimit: rateLimit) {
            return Bearer(
                organizationID: key.organizationID,
                connectionID: nil,
                credentialConnectionID: key.connectionID,
                isWithinRateLimit: key.isWithinRateLimit
            )
        }
        guard let grant = state.oauth.grant(forAccessToken: token, now: state.clock.now) else {
            throw SandboxProblem.unauthorized
        }
        if let scope = OAuthScope.required(method: request.method, path: request.uri.path),
            !grant.scopes.contains(scope)
        {
            throw SandboxProblem.missingScope(scope)
        }
        return Bearer(
            organizationID: grant.organizationID,
            connectionID: grant.connectionID,
            credentialConnectionID: grant.connectionID,
            isWithinRateLimit: rateLimit.map { state.takeToken(for: token, $0) } ?? true
        )
    }
}

extension SandboxProblem {
    /// 403 for an access token without the scope a request needs; always in the regular body.
    static func missingScope(_ scope: String) -> SandboxProblem {
        var problem = SandboxProblem(
            status: .forbidden,
            message: "Access denied: the access token lacks the scope '\(scope)'."
        )
        problem.forcedShape = .regular
        return problem
    }
}
