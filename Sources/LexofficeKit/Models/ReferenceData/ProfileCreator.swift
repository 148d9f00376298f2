/// The user who created an API connection, and when (``Profile/created``).
public struct ProfileCreator: Codable, Hashable, Sendable {
    /// The user's id (absent for connections created before 16.04.2020).
    public var userId: LexofficeID?
    /// The user's display name, e.g. `Herr Tom Beispiel`.
    public var userName: String?
    /// The user's e-mail address.
    public var userEmail: String?
    /// When the connection was created.
    public var date: LexofficeDateTime?

    /// Creates a creator record (simulators and tests).
    public init(
        userId: LexofficeID? = nil,
        userName: String? = nil,
        userEmail: String? = nil,
        date: LexofficeDateTime? = nil
    ) {
        self.userId = userId
        self.userName = userName
        self.userEmail = userEmail
        self.date = date
    }
}
