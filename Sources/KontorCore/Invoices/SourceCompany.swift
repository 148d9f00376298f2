/// A customer that is a company.
package struct SourceCompany: Sendable, Codable, Equatable {
    /// The company's name as printed on the invoice; required and not empty.
    package var name: String
    /// The VAT id (USt-IdNr.), for example `DE123456789`: a two-letter country prefix and 2–12 upper-case letters
    /// or digits, without spaces (lexoffice rejects lower-case ids).
    package var vatRegistrationId: String?
    /// The German tax number (Steuernummer), as printed, for example `22/815/08154`.
    package var taxNumber: String?
    /// The person to talk to at the company: lexoffice's API takes at most one.
    package var contactPersons: [SourceContactPerson]?

    /// A company customer.
    package init(
        name: String,
        vatRegistrationId: String? = nil,
        taxNumber: String? = nil,
        contactPersons: [SourceContactPerson]? = nil
    ) {
        self.name = name
        self.vatRegistrationId = vatRegistrationId
        self.taxNumber = taxNumber
        self.contactPersons = contactPersons
    }
}
