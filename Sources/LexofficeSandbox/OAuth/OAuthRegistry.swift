import Foundation
import LexofficeKit
import Synchronization

/// The OAuth2 emulation's state: pending consents, authorization codes, connections and their tokens.
///
/// A connection is one approved authorization of an application for an organization; it has its own
/// `connectionId` (the `resourceId` of `token.revoked`), one refresh token and any number of access tokens.
/// All times are the sandbox clock's, so moving the clock expires codes and access tokens.
final class OAuthRegistry: Sendable {
    /// How long a consent form and an authorization code stay usable.
    static let codeLifetime: TimeInterval = 10 * 60

    /// What a valid access token speaks for.
    struct AccessGrant: Sendable, Equatable {
        var organizationID: LexofficeID
        var connectionID: LexofficeID
        var scopes: [String]
    }

    /// The answer of the token endpoint.
    struct IssuedTokens: Sendable {
        var accessToken: String
        var refreshToken: String
        /// Seconds until the access token expires.
        var expiresIn: Int
        var scope: String
    }

    /// A connection that has just been revoked.
    struct RevokedConnection: Sendable, Equatable {
        var organizationID: LexofficeID
        var connectionID: LexofficeID
    }

    private struct Pending {
        var request: AuthorizationRequest
        var expiresAt: Date
    }

    private struct Connection {
        var request: AuthorizationRequest
        var refreshToken: String
    }

    private struct AccessToken {
        var connectionID: LexofficeID
        var expiresAt: Date
    }

    private struct Ledger {
        var consents: [String: Pending] = [:]
        var codes: [String: Pending] = [:]
        var connections: [LexofficeID: Connection] = [:]
        var refreshTokens: [String: LexofficeID] = [:]
        var accessTokens: [String: AccessToken] = [:]
    }

    private let ledger = Mutex(Ledger())

    /// Keeps a request until the user answers the consent page; returns the one-time form token.
    func holdForConsent(_ request: AuthorizationRequest, now: Date) -> String {
        let token = Self.randomToken("consent-")
        ledger.withLock { ledger in
            ledger.consents = ledger.consents.filter { $0.value.expiresAt > now }
            ledger.consents[token] = Pending(request: request, expiresAt: now + Self.codeLifetime)
        }
        return token
    }

    /// The request behind a form token, which is used up; `nil` when unknown, used or expired.
    func takeConsent(_ formToken: String, now: Date) -> AuthorizationRequest? {
        ledger.withLock { ledger in
            guard let pending = ledger.consents.removeValue(forKey: formToken), pending.expiresAt > now else {
                return nil
            }
            return pending.request
        }
    }

    /// Issues a single-use authorization code for an approved request.
    func issueCode(for request: AuthorizationRequest, now: Date) -> String {
        let code = Self.randomToken("code-")
        ledger.withLock { ledger in
            ledger.codes = ledger.codes.filter { $0.value.expiresAt > now }
            ledger.codes[code] = Pending(request: request, expiresAt: now + Self.codeLifetime)
        }
        return code
    }

    /// Redeems a code (once) for a new connection's tokens.
    /// - Throws: `invalid_grant` when the code is unknown, used, expired, or was issued to another client or
    ///   redirect URI.
    func redeem(
        code: String,
        clientID: String,
        redirectURI: String?,
        now: Date,
        lifetime: Duration
    ) throws(OAuthFailure) -> IssuedTokens {
        try ledger.withLock { ledger throws(OAuthFailure) in
            guard let pending = ledger.codes.removeValue(forKey: code), pending.expiresAt > now else {
                throw .invalidGrant("The authorization code is invalid, expired or already used.")
            }
            guard pending.request.clientID == clientID else {
                throw .invalidGrant("The authorization code was issued to another client.")
            }
            guard pending.request.redirectURI == redirectURI else {
                throw .invalidGrant("redirect_uri does not match the authorization request.")
            }
            let connectionID = LexofficeID.random()
            let refreshToken = Self.randomToken("sandbox-rt-")
            let connection = Connection(request: pending.request, refreshToken: refreshToken)
            ledger.connections[connectionID] = connection
            ledger.refreshTokens[refreshToken] = connectionID
            return Self.issueAccessToken(for: connectionID, connection, in: &ledger, now: now, lifetime: lifetime)
        }
    }

    /// Issues a new access token for a refresh token; with `rotate` the refresh token is replaced as well.
    /// - Throws: `invalid_grant` when the refresh token is unknown, revoked, rotated away or another client's.
    func refresh(
        _ refreshToken: String,
        clientID: String,
        rotate: Bool,
        now: Date,
        lifetime: Duration
    ) throws(OAuthFailure) -> IssuedTokens {
        try ledger.withLock { ledger throws(OAuthFailure) in
            guard let connectionID = ledger.refreshTokens[refreshToken],
                var connection = ledger.connections[connectionID], connection.request.clientID == clientID
            else { throw .invalidGrant("The refresh token is invalid or was revoked.") }
            if rotate {
                ledger.refreshTokens[refreshToken] = nil
                connection.refreshToken = Self.randomToken("sandbox-rt-")
                ledger.refreshTokens[connection.refreshToken] = connectionID
                ledger.connections[connectionID] = connection
            }
            return Self.issueAccessToken(for: connectionID, connection, in: &ledger, now: now, lifetime: lifetime)
        }
    }

    /// What an unexpired access token grants; `nil` for an unknown, expired or revoked one.
    func grant(forAccessToken token: String, now: Date) -> AccessGrant? {
        ledger.withLock { ledger in
            guard let access = ledger.accessTokens[token], access.expiresAt > now,
                let connection = ledger.connections[access.connectionID]
            else { return nil }
            return AccessGrant(
                organizationID: connection.request.organizationID,
                connectionID: access.connectionID,
                scopes: connection.request.scopes
            )
        }
    }

    /// Revokes the connection of a refresh or access token presented by `clientID` (`/oauth2/revoke`).
    /// - Returns: the revoked connection; `nil` when the token is unknown (RFC 7009 answers 200 all the same).
    /// - Throws: `unauthorized_client` when the token belongs to another client.
    func revoke(token: String, byClient clientID: String) throws(OAuthFailure) -> RevokedConnection? {
        try ledger.withLock { ledger throws(OAuthFailure) in
            guard let connectionID = ledger.refreshTokens[token] ?? ledger.accessTokens[token]?.connectionID,
                let connection = ledger.connections[connectionID]
            else { return nil }
            guard connection.request.clientID == clientID else { throw .unauthorizedClient }
            return Self.remove(connectionID, from: &ledger)
        }
    }

    /// Revokes a connection with all its tokens (`/v1/revoke`); `nil` when it is gone already.
    func revoke(connection connectionID: LexofficeID) -> RevokedConnection? {
        ledger.withLock { Self.remove(connectionID, from: &$0) }
    }

    /// The grants that outlive a restart (`--state`): connections with their refresh tokens, and unexpired access
    /// tokens. Consent forms and authorization codes live 10 minutes and are not kept.
    struct SavedGrants: Codable, Sendable {
        struct SavedConnection: Codable, Sendable {
            var connectionID: LexofficeID
            var request: AuthorizationRequest
            var refreshToken: String
        }

        struct SavedAccessToken: Codable, Sendable {
            var token: String
            var connectionID: LexofficeID
            var expiresAt: Date
        }

        var connections: [SavedConnection]
        var accessTokens: [SavedAccessToken]
    }

    /// The grants to save.
    func savedGrants(now: Date) -> SavedGrants {
        ledger.withLock { ledger in
            SavedGrants(
                connections: ledger.connections.map {
                    .init(connectionID: $0.key, request: $0.value.request, refreshToken: $0.value.refreshToken)
                },
                accessTokens: ledger.accessTokens.filter { $0.value.expiresAt > now }.map {
                    .init(token: $0.key, connectionID: $0.value.connectionID, expiresAt: $0.value.expiresAt)
                }
            )
        }
    }

    /// Replaces connections and tokens with saved ones.
    func restore(_ saved: SavedGrants) {
        ledger.withLock { ledger in
            ledger = Ledger()
            for connection in saved.connections {
                ledger.connections[connection.connectionID] = Connection(
                    request: connection.request,
                    refreshToken: connection.refreshToken
                )
                ledger.refreshTokens[connection.refreshToken] = connection.connectionID
            }
            for access in saved.accessTokens where ledger.connections[access.connectionID] != nil {
                ledger.accessTokens[access.token] = AccessToken(
                    connectionID: access.connectionID,
                    expiresAt: access.expiresAt
                )
            }
        }
    }

    /// Forgets every code, connection and token.
    func reset() {
        ledger.withLock { $0 = Ledger() }
    }

    private static func remove(_ connectionID: LexofficeID, from ledger: inout Ledger) -> RevokedConnection? {
        guard let connection = ledger.connections.removeValue(forKey: connectionID) else { return nil }
        ledger.refreshTokens[connection.refreshToken] = nil
        ledger.accessTokens = ledger.accessTokens.filter { $0.value.connectionID != connectionID }
        return RevokedConnection(organizationID: connection.request.organizationID, connectionID: connectionID)
    }

    private static func issueAccessToken(
        for connectionID: LexofficeID,
        _ connection: Connection,
        in ledger: inout Ledger,
        now: Date,
        lifetime: Duration
    ) -> IssuedTokens {
        ledger.accessTokens = ledger.accessTokens.filter { $0.value.expiresAt > now }
        let seconds = lifetime / .seconds(1)
        let accessToken = randomToken("sandbox-at-")
        ledger.accessTokens[accessToken] = AccessToken(connectionID: connectionID, expiresAt: now + seconds)
        return IssuedTokens(
            accessToken: accessToken,
            refreshToken: connection.refreshToken,
            expiresIn: Int(seconds.rounded(.down)),
            scope: connection.request.scopeText
        )
    }

    /// An unguessable token: a prefix and 32 random bytes in hex.
    private static func randomToken(_ prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        var text = prefix
        for _ in 0..<32 {
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            text += byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }
        return text
    }
}
