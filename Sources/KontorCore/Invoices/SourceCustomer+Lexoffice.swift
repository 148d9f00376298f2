import LexofficeKit

extension SourceCustomer {
    /// The body of `POST /v1/contacts` for a new lexoffice contact with the customer role.
    ///
    /// Lexoffice assigns the customer number. The contact is a company or a person as the source says; a customer
    /// given only by ``lexofficeContactId`` has neither and must not be created. The billing address, the
    /// e-mail address and the phone number are the contact's only entries of their kind (`business`), as
    /// lexoffice allows one per list. With a ``buyerReference`` the contact gets `xRechnung` with the buyer
    /// reference and ``vendorNumberAtCustomer``, which makes invoices referencing it XRechnungs.
    package func lexofficeContact() -> Contact {
        Contact(
            version: 0,
            roles: ContactRoles(customer: CustomerRole()),
            company: company.map {
                Company(
                    name: $0.name,
                    taxNumber: $0.taxNumber.nonBlank,
                    vatRegistrationId: $0.vatRegistrationId.nonBlank
                )
            },
            person: person.map {
                Person(lastName: $0.lastName, salutation: $0.salutation.nonBlank, firstName: $0.firstName.nonBlank)
            },
            addresses: address.map {
                ContactAddresses(
                    billing: [
                        ContactAddress(
                            countryCode: $0.countryCode,
                            supplement: $0.supplement,
                            street: $0.street,
                            zip: $0.zip,
                            city: $0.city
                        )
                    ]
                )
            },
            xRechnung: buyerReference.nonBlank.map {
                ContactXRechnung(buyerReference: $0, vendorNumberAtCustomer: vendorNumberAtCustomer.nonBlank)
            },
            emailAddresses: email.nonBlank.map { EmailAddresses(business: [$0]) },
            phoneNumbers: phone.nonBlank.map { PhoneNumbers(business: [$0]) }
        )
    }
}

extension String? {
    /// The text, or `nil` when it is absent or only white space (lexoffice rejects empty list entries).
    fileprivate var nonBlank: String? {
        guard let self, !self.allSatisfy(\.isWhitespace) else { return nil }
        return self
    }
}
