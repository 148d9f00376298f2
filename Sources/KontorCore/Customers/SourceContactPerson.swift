/// A contact person at a company customer.
package struct SourceContactPerson: Sendable, Codable, Equatable {
    /// How to address the person, for example `Frau`; at most 25 characters (lexoffice's limit).
    package var salutation: String?
    /// The given name.
    package var firstName: String?
    /// The family name; required and not empty.
    package var lastName: String
    /// Whether this is the company's primary contact person (at most one is).
    package var primary: Bool?
    /// The person's e-mail address.
    package var emailAddress: String?
    /// The person's phone number, at most 30 characters.
    package var phoneNumber: String?

    /// A contact person.
    package init(
        salutation: String? = nil,
        firstName: String? = nil,
        lastName: String,
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
