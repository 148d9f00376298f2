import Foundation
import LexofficeKit

/// A partner application registered with the sandbox's OAuth2 emulation (`/oauth2/authorize`, `/oauth2/token`).
public struct SandboxOAuthClient: Sendable, Hashable, CustomStringConvertible {
    /// The client id the application sends (`client_id`, or the user name of HTTP Basic authentication).
    public var clientID: String
    /// The client secret (the password of HTTP Basic authentication).
    public var clientSecret: Secret
    /// Redirect URIs accepted exactly as written.
    public var redirectURIs: [String]
    /// Also accept any `http://127.0.0.1…`, `http://localhost…` or `http://[::1]…` redirect URI, whatever port
    /// and path (convenient for local development and tests).
    public var allowsLoopbackRedirects: Bool

    /// Registers an application.
    public init(
        clientID: String,
        clientSecret: Secret,
        redirectURIs: [String] = [],
        allowsLoopbackRedirects: Bool = false
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURIs = redirectURIs
        self.allowsLoopbackRedirects = allowsLoopbackRedirects
    }

    /// The application every sandbox knows unless configured otherwise: `kontor-demo` / `kontor-demo-secret`,
    /// redirecting to loopback addresses only.
    public static let demo = SandboxOAuthClient(
        clientID: "kontor-demo",
        clientSecret: Secret("kontor-demo-secret"),
        allowsLoopbackRedirects: true
    )

    /// The client id only; the secret is never part of the description.
    public var description: String { "SandboxOAuthClient(\(clientID))" }

    /// Whether the sandbox may send the browser to `redirectURI` for this application.
    func allows(redirectURI: String) -> Bool {
        if redirectURIs.contains(redirectURI) { return true }
        guard allowsLoopbackRedirects, let url = URL(string: redirectURI), url.fragment == nil,
            url.scheme?.lowercased() == "http", let host = url.host?.lowercased()
        else { return false }
        return ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
    }
}
