import LexofficeKit

// The parts of a customer as lexoffice's contact holds them, both ways; shared by an invoice's customer and a
// synced customer. lexoffice rejects empty strings in its lists: blank texts become absent entries.

extension SourceCompany {
    /// The company of a lexoffice contact, keeping `allowTaxFreeInvoices` (only lexoffice's web app sets it).
    func lexofficeCompany(allowTaxFreeInvoices: Bool? = nil) -> Company {
        Company(
            name: name,
            taxNumber: taxNumber.nonBlank,
            vatRegistrationId: vatRegistrationId.nonBlank,
            allowTaxFreeInvoices: allowTaxFreeInvoices,
            contactPersons: contactPersons.map { persons in
                persons.map {
                    ContactPerson(
                        lastName: $0.lastName,
                        salutation: $0.salutation.nonBlank,
                        firstName: $0.firstName.nonBlank,
                        primary: $0.primary,
                        emailAddress: $0.emailAddress.nonBlank,
                        phoneNumber: $0.phoneNumber.nonBlank
                    )
                }
            }
        )
    }

    /// The company of a lexoffice contact (its first contact person, the one the API can keep).
    init(_ company: Company) {
        self.init(
            name: company.name,
            vatRegistrationId: company.vatRegistrationId,
            taxNumber: company.taxNumber,
            contactPersons: company.contactPersons?.first.map {
                [
                    SourceContactPerson(
                        salutation: $0.salutation,
                        firstName: $0.firstName,
                        lastName: $0.lastName,
                        primary: $0.primary,
                        emailAddress: $0.emailAddress,
                        phoneNumber: $0.phoneNumber
                    )
                ]
            }
        )
    }
}

extension SourcePerson {
    /// The person of a lexoffice contact.
    var lexofficePerson: Person {
        Person(lastName: lastName, salutation: salutation.nonBlank, firstName: firstName.nonBlank)
    }

    /// The person of a lexoffice contact.
    init(_ person: Person) {
        self.init(salutation: person.salutation, firstName: person.firstName, lastName: person.lastName)
    }
}

extension SourceAddress {
    /// The address as lexoffice holds it.
    var lexofficeAddress: ContactAddress {
        ContactAddress(countryCode: countryCode, supplement: supplement, street: street, zip: zip, city: city)
    }

    /// An address of a lexoffice contact.
    init(_ address: ContactAddress) {
        self.init(
            supplement: address.supplement,
            street: address.street,
            zip: address.zip,
            city: address.city,
            countryCode: address.countryCode
        )
    }
}

extension String? {
    /// The text, or `nil` when it is absent or only white space (lexoffice rejects empty list entries).
    var nonBlank: String? {
        guard let self, !self.allSatisfy(\.isWhitespace) else { return nil }
        return self
    }

    /// The text as the only entry of a lexoffice list, or no list.
    var asListEntry: [String]? { nonBlank.map { [$0] } }
}
