import AsyncHTTPClient
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

import struct Foundation.Data
import struct Foundation.Date

/// The OAuth2 authorization-code flow against lexoffice: authorization URL, code exchange, refresh, revoke.
public struct OAuth2Client: Sendable {
    /// The application and endpoints.
    public let configuration: OAuth2Configuration
    private let httpClient: HTTPClient
    private let now: @Sendable () -> Date
    private let timeout: Duration

    /// Creates a client; `now` is injectable for tests of expiry.
    public init(
        configuration: OAuth2Configuration,
        httpClient: HTTPClient = .shared,
        timeout: Duration = .seconds(30),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.httpClient = httpClient
        self.timeout = timeout
        self.now = now
    }

    /// The URL to send the user's browser to.
    /// - Parameters:
    ///   - scopes: e.g. `["profile.read", "contacts.read", "vouchers.write"]`, sent space-separated.
    ///   - state: an unguessable value bound to the user's session; check it on the redirect (CSRF).
    public func authorizationURL(scopes: [String], state: String) -> String {
        let query: [(String, String)] = [
            ("client_id", configuration.clientID), ("response_type", "code"),
            ("redirect_uri", configuration.redirectURI), ("scope", scopes.joined(separator: " ")), ("state", state),
        ]
        let separator = configuration.authorizationEndpoint.contains("?") ? "&" : "?"
        return configuration.authorizationEndpoint + separator + Self.formEncode(query)
    }

    /// Exchanges the code from the redirect for tokens.
    /// - Throws: ``LexofficeError/Code/unauthorized`` for a rejected code or client.
    public func exchange(code: String) async throws -> OAuth2Token {
        try await requestToken([
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", configuration.redirectURI),
        ])
    }

    /// Renews the access token. lexoffice may return a new refresh token; store it when present.
    /// - Throws: ``LexofficeError/Code/unauthorized`` when the refresh token was revoked or expired.
    public func refresh(_ refreshToken: Secret) async throws -> OAuth2Token {
        var token = try await requestToken([("grant_type", "refresh_token"), ("refresh_token", refreshToken.revealed)])
        if token.refreshToken == nil { token.refreshToken = refreshToken }
        return token
    }

    /// Revokes a refresh token (disconnects the application); lexoffice then emits `token.revoked`.
    public func revoke(_ refreshToken: Secret) async throws {
        _ = try await post(configuration.revocationEndpoint, form: [("token", refreshToken.revealed)])
    }

    private func requestToken(_ form: [(String, String)]) async throws -> OAuth2Token {
        let body = try await post(configuration.tokenEndpoint, form: form)
        let response: TokenResponse
        do {
            response = try LexofficeJSON.decode(TokenResponse.self, from: body)
        } catch {
            throw LexofficeError(code: .decodingFailed, detail: "the token endpoint's answer is not a token response")
        }
        let expiresAt = now().addingTimeInterval(Double(response.expiresIn ?? 3600))
        return OAuth2Token(
            accessToken: Secret(response.accessToken),
            refreshToken: response.refreshToken.map(Secret.init),
            expiresAt: LexofficeDateTime(expiresAt),
            tokenType: response.tokenType,
            scope: response.scope
        )
    }

    /// POSTs a form with HTTP Basic client authentication and returns the 2xx body.
    private func post(_ url: String, form: [(String, String)]) async throws -> Data {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        let credentials = Data("\(configuration.clientID):\(configuration.clientSecret.revealed)".utf8)
        request.headers.add(name: "Authorization", value: "Basic \(credentials.base64EncodedString())")
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: Self.formEncode(form)))
        let path = Self.path(of: url)
        let response: HTTPClientResponse
        let body: ByteBuffer
        do {
            let nanoseconds =
                timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
            response = try await httpClient.execute(request, deadline: .now() + .nanoseconds(nanoseconds))
            body = try await response.body.collect(upTo: 1024 * 1024)
        } catch let error as CancellationError {
            throw error
        } catch {
            throw LexofficeError(
                code: TransportFailure(error) == .notSent ? .connectionFailed : .timeout,
                detail: "the OAuth2 endpoint could not be reached",
                method: "POST",
                requestPath: path,
                isRetrySafe: TransportFailure(error) == .notSent,
                underlyingError: error
            )
        }
        let data = Data(buffer: body)
        guard (200..<300).contains(Int(response.status.code)) else {
            let oauthError = try? LexofficeJSON.decode(OAuthErrorResponse.self, from: data)
            let status = Int(response.status.code)
            return try Self.raise(status: status, oauthError: oauthError?.error, path: path)
        }
        return data
    }

    private static func raise(status: Int, oauthError: String?, path: String) throws -> Data {
        let isRejected = status == 400 || status == 401
        throw LexofficeError(
            code: isRejected ? .unauthorized : status == 429 ? .rateLimited : .serverError,
            detail: "the OAuth2 endpoint refused the request (\(oauthError ?? "no error code"))",
            status: status,
            method: "POST",
            requestPath: path,
            isRetrySafe: !isRejected
        )
    }

    static func formEncode(_ pairs: [(String, String)]) -> String {
        pairs.map { QueryEncoding.percentEncode($0.0) + "=" + QueryEncoding.percentEncode($0.1) }
            .joined(separator: "&")
    }

    private static func path(of url: String) -> String {
        guard let scheme = url.range(of: "://"), let slash = url[scheme.upperBound...].firstIndex(of: "/") else {
            return url
        }
        return String(url[slash...].prefix { $0 != "?" })
    }
}

/// The token endpoint's JSON (OAuth2 field names).
private struct TokenResponse: Decodable {
    var accessToken: String
    var refreshToken: String?
    var expiresIn: Int?
    var tokenType: String?
    var scope: String?

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case refreshToken = "refresh_token"
        case expiresIn = "expires_in"
        case tokenType = "token_type"
        case scope
    }
}

/// An OAuth2 error body, e.g. `{"error": "invalid_grant", "error_description": "..."}`.
private struct OAuthErrorResponse: Decodable {
    var error: String?
}
