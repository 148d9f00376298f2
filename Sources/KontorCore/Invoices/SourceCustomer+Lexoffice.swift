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
            company: company?.lexofficeCompany(),
            person: person?.lexofficePerson,
            addresses: address.map { ContactAddresses(billing: [$0.lexofficeAddress]) },
            xRechnung: buyerReference.nonBlank.map {
                ContactXRechnung(buyerReference: $0, vendorNumberAtCustomer: vendorNumberAtCustomer.nonBlank)
            },
            emailAddresses: email.asListEntry.map { EmailAddresses(business: $0) },
            phoneNumbers: phone.asListEntry.map { PhoneNumbers(business: $0) }
        )
    }
}
