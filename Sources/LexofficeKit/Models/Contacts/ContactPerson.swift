/// A contact person of a company contact.
public struct ContactPerson: Codable, Hashable, Sendable {
    /// The salutation, e.g. `Frau`; at most 25 characters.
    public var salutation: String?
    /// The first name.
    public var firstName: String?
    /// The last name; must not be empty.
    public var lastName: String
    /// Whether this is the primary contact person, shown on vouchers (default `false`).
    public var primary: Bool?
    /// The person's e-mail address.
    public var emailAddress: String?
    /// The person's phone number.
    public var phoneNumber: String?

    /// Creates a contact person.
    public init(
        lastName: String,
        salutation: String? = nil,
        firstName: String? = nil,
        primary: Bool? = nil,
        emailAddress: String? = nil,
        phoneNumber: String? = nil
    ) {
        self.salutation = salutation
        self.firstName = firstName
        self.lastName = lastName
        self.primary = primary
        self.emailAddress = emailAddress
        self.phoneNumber = phoneNumber
    }
}
