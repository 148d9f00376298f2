/// The answer of `GET /v1/ping`, used to test an access token.
public struct Ping: Codable, Hashable, Sendable {
    /// The e-mail address of the connected user.
    public var userEmail: String

    /// Creates a ping answer (simulators and tests).
    public init(userEmail: String) {
        self.userEmail = userEmail
    }
}
