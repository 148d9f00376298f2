import LexofficeKit

extension CanonicalCustomer {
    /// The body of `POST /v1/contacts` for the customer: a new contact with the customer role (lexoffice assigns
    /// the number), every list with the one entry the customer has. `note` replaces the customer's own note when
    /// it has none (the hub marks the contacts it creates, to find one created without confirmation).
    package func newLexofficeContact(noteWhenEmpty: String? = nil) -> Contact {
        var contact = applied(to: Contact(version: 0, roles: ContactRoles(customer: CustomerRole())))
        if contact.note == nil { contact.note = noteWhenEmpty }
        return contact
    }

    /// `contact` with the customer's data: its id, version, roles, archived flag and what the canonical form does
    /// not hold (`allowTaxFreeInvoices`) are kept; everything else is the customer's.
    package func applied(to contact: Contact) -> Contact {
        var updated = contact
        updated.company = company?.lexofficeCompany(allowTaxFreeInvoices: contact.company?.allowTaxFreeInvoices)
        updated.person = person?.lexofficePerson
        let billing = billingAddress.map { [$0.lexofficeAddress] }
        let shipping = shippingAddress.map { [$0.lexofficeAddress] }
        updated.addresses =
            billing == nil && shipping == nil ? nil : ContactAddresses(billing: billing, shipping: shipping)
        updated.xRechnung = buyerReference.nonBlank.map {
            ContactXRechnung(buyerReference: $0, vendorNumberAtCustomer: vendorNumberAtCustomer.nonBlank)
        }
        updated.emailAddresses = emails.flatMap {
            let lists = EmailAddresses(
                business: $0.business.asListEntry,
                office: $0.office.asListEntry,
                private: $0.private.asListEntry,
                other: $0.other.asListEntry
            )
            return lists == EmailAddresses() ? nil : lists
        }
        updated.phoneNumbers = phones.flatMap {
            let lists = PhoneNumbers(
                business: $0.business.asListEntry,
                office: $0.office.asListEntry,
                mobile: $0.mobile.asListEntry,
                private: $0.private.asListEntry,
                fax: $0.fax.asListEntry,
                other: $0.other.asListEntry
            )
            return lists == PhoneNumbers() ? nil : lists
        }
        updated.note = note.nonBlank
        return updated
    }

    /// The customer a lexoffice contact holds: the first entry of each list, lexoffice's customer number. A note
    /// equal to `ignoredNote` (the hub's marker on contacts it created) is left out.
    package init(_ contact: Contact, ignoredNote: String? = nil) {
        let emails = contact.emailAddresses.map {
            CustomerEmails(
                business: $0.business?.first,
                office: $0.office?.first,
                private: $0.private?.first,
                other: $0.other?.first
            )
        }
        let phones = contact.phoneNumbers.map {
            CustomerPhones(
                business: $0.business?.first,
                office: $0.office?.first,
                mobile: $0.mobile?.first,
                private: $0.private?.first,
                fax: $0.fax?.first,
                other: $0.other?.first
            )
        }
        self.init(
            company: contact.company.map(SourceCompany.init),
            person: contact.person.map(SourcePerson.init),
            billingAddress: contact.addresses?.billing?.first.map(SourceAddress.init),
            shippingAddress: contact.addresses?.shipping?.first.map(SourceAddress.init),
            emails: emails == CustomerEmails() ? nil : emails,
            phones: phones == CustomerPhones() ? nil : phones,
            buyerReference: contact.xRechnung?.buyerReference,
            vendorNumberAtCustomer: contact.xRechnung?.vendorNumberAtCustomer,
            note: contact.note == ignoredNote ? nil : contact.note,
            customerNumber: contact.roles.customer?.number.map(String.init)
        )
    }
}

extension Contact {
    /// The lists holding more than one entry: lexoffice's API refuses to update such a contact (its web app makes
    /// them), so the hub cannot sync it. Empty when the contact can be updated.
    package var listsWithSeveralEntries: [String] {
        var lists: [(String, Int?)] = [
            ("addresses.billing", addresses?.billing?.count), ("addresses.shipping", addresses?.shipping?.count),
            ("company.contactPersons", company?.contactPersons?.count),
        ]
        if let emails = emailAddresses {
            lists += [
                ("emailAddresses.business", emails.business?.count), ("emailAddresses.office", emails.office?.count),
                ("emailAddresses.private", emails.private?.count), ("emailAddresses.other", emails.other?.count),
            ]
        }
        if let phones = phoneNumbers {
            lists += [
                ("phoneNumbers.business", phones.business?.count), ("phoneNumbers.office", phones.office?.count),
                ("phoneNumbers.mobile", phones.mobile?.count), ("phoneNumbers.private", phones.private?.count),
                ("phoneNumbers.fax", phones.fax?.count), ("phoneNumbers.other", phones.other?.count),
            ]
        }
        return lists.filter { ($0.1 ?? 0) > 1 }.map(\.0)
    }
}
