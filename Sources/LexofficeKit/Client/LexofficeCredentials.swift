import Crypto

/// Supplies the bearer token for lexoffice requests: a private API key or an OAuth2 access token.
public protocol LexofficeCredentials: Sendable {
    /// Identifies the lexoffice connection for rate limiting. Never the secret itself.
    var connectionKey: String { get }
    /// The token to send now.
    /// - Throws: ``LexofficeError`` with ``LexofficeError/Code/credentialsUnavailable`` if none can be had.
    func accessToken() async throws -> Secret
    /// Called after lexoffice rejected `token` with 401. Returns a new token to retry with once, or `nil` when
    /// the credential cannot be renewed (the 401 then surfaces as ``LexofficeError/Code/unauthorized``).
    func accessToken(afterRejecting token: Secret) async throws -> Secret?
}

/// A private API key created in the lexoffice web app (Public API). It cannot be refreshed.
public struct StaticAPIKey: LexofficeCredentials {
    private let key: Secret
    public let connectionKey: String

    /// Wraps an API key; the connection key is a SHA-256 digest of it.
    public init(_ key: Secret) {
        self.key = key
        connectionKey =
            "api-key:"
            + SHA256.hash(data: Array(key.revealed.utf8)).prefix(16)
            .map { byte in String(byte, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// Wraps an API key given as a string.
    public init(_ key: String) {
        self.init(Secret(key))
    }

    public func accessToken() async throws -> Secret { key }

    public func accessToken(afterRejecting token: Secret) async throws -> Secret? { nil }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
