import Synchronization

import struct Foundation.Date

/// OAuth2 credentials for ``LexofficeClient``: hands out the access token and renews it before it expires.
///
/// Concurrent callers share one refresh: the first renews, the others wait for its result. After a 401 the
/// client asks for a new token once. Every new token is passed to `onRefresh`, so the caller can store a
/// rotated refresh token (encrypted) before using it.
///
/// Providers in several processes (or several providers in one) that share a connection must not renew with the
/// same refresh token at once: lexoffice may rotate refresh tokens, and the second renewal then fails. Give them a
/// `renewal` that serializes renewals through shared storage and picks up a token another one renewed.
public final class OAuth2TokenProvider: LexofficeCredentials {
    /// Renews `current`: calls `refresh` with a refresh token (the token endpoint) or returns a token renewed
    /// elsewhere, and stores the result before returning it.
    public typealias Renewal =
        @Sendable (
            _ current: OAuth2Token,
            _ refresh: @Sendable (Secret) async throws -> OAuth2Token
        ) async throws -> OAuth2Token

    public let connectionKey: String
    private let client: OAuth2Client
    private let onRefresh: @Sendable (OAuth2Token) async throws -> Void
    private let renewal: Renewal?
    private let now: @Sendable () -> Date
    private let state: Mutex<State>

    private struct State {
        var token: OAuth2Token
        var isRefreshing = false
        var waiters: [CheckedContinuation<Secret, any Error>] = []
    }

    /// Creates a provider from stored tokens.
    /// - Parameters:
    ///   - connectionKey: identifies the lexoffice connection for rate limiting (e.g. the tenant's connection id).
    ///   - onRefresh: called with every renewed token before it is used.
    ///   - renewal: how a token is renewed; by default with the provider's refresh token at the token endpoint.
    public init(
        token: OAuth2Token,
        client: OAuth2Client,
        connectionKey: String,
        now: @escaping @Sendable () -> Date = { Date() },
        onRefresh: @escaping @Sendable (OAuth2Token) async throws -> Void = { _ in },
        renewal: Renewal? = nil
    ) {
        self.client = client
        self.connectionKey = "oauth2:" + connectionKey
        self.onRefresh = onRefresh
        self.renewal = renewal
        self.now = now
        state = Mutex(State(token: token))
    }

    /// The current token set (after any refresh).
    public var currentToken: OAuth2Token { state.withLock { $0.token } }

    public func accessToken() async throws -> Secret {
        let margin = client.configuration.refreshMargin
        let marginSeconds = margin / .seconds(1)
        let token = currentToken
        if token.expiresAt.date.timeIntervalSince(now()) > marginSeconds { return token.accessToken }
        return try await refresh()
    }

    public func accessToken(afterRejecting rejected: Secret) async throws -> Secret? {
        let current = currentToken
        guard current.refreshToken != nil else { return nil }
        if current.accessToken != rejected { return current.accessToken }
        return try await refresh()
    }

    /// Renews the token, or waits for the renewal another caller started.
    private func refresh() async throws -> Secret {
        let isRefresher = state.withLock { state in
            if state.isRefreshing { return false }
            state.isRefreshing = true
            return true
        }
        guard isRefresher else {
            return try await withCheckedThrowingContinuation { continuation in
                let finished: Secret? = state.withLock { state in
                    if state.isRefreshing {
                        state.waiters.append(continuation)
                        return nil
                    }
                    return state.token.accessToken
                }
                if let finished { continuation.resume(returning: finished) }
            }
        }
        let result: Result<OAuth2Token, any Error>
        do {
            let current = currentToken
            let client = client
            let renewed: OAuth2Token
            if let renewal {
                renewed = try await renewal(current) { try await client.refresh($0) }
            } else {
                guard let refreshToken = current.refreshToken else {
                    throw LexofficeError(
                        code: .credentialsUnavailable,
                        detail: "the access token expired and there is no refresh token; connect again"
                    )
                }
                renewed = try await client.refresh(refreshToken)
            }
            try await onRefresh(renewed)
            result = .success(renewed)
        } catch {
            result = .failure(error)
        }
        let waiters = state.withLock { state in
            if case .success(let token) = result { state.token = token }
            state.isRefreshing = false
            defer { state.waiters = [] }
            return state.waiters
        }
        let access = result.map(\.accessToken)
        for waiter in waiters { waiter.resume(with: access) }
        return try access.get()
    }
}
