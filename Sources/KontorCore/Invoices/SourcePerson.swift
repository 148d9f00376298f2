/// A customer that is a private person.
package struct SourcePerson: Sendable, Codable, Equatable {
    /// How to address the person, for example `Frau` or `Herr`; at most 25 characters (lexoffice's limit).
    package var salutation: String?
    /// The given name.
    package var firstName: String?
    /// The family name; required and not empty.
    package var lastName: String

    /// A private person customer.
    package init(salutation: String? = nil, firstName: String? = nil, lastName: String) {
        self.salutation = salutation
        self.firstName = firstName
        self.lastName = lastName
    }
}
