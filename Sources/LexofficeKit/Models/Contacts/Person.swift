/// The personal data of a private-person contact.
public struct Person: Codable, Hashable, Sendable {
    /// The salutation, e.g. `Herr` or `Frau`; at most 25 characters.
    public var salutation: String?
    /// The first name.
    public var firstName: String?
    /// The last name; must not be empty.
    public var lastName: String

    /// Creates person data.
    public init(lastName: String, salutation: String? = nil, firstName: String? = nil) {
        self.salutation = salutation
        self.firstName = firstName
        self.lastName = lastName
    }
}
