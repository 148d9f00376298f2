/// The invoice's recipient as the source application knows it; the hub links it to a lexoffice contact.
///
/// Give exactly one of ``company`` and ``person``; both may be omitted when ``lexofficeContactId`` names an
/// existing lexoffice contact.
package struct SourceCustomer: Sendable, Codable, Equatable {
    /// The customer's id in the source application, 1–128 characters; stable across invoices of the customer.
    package var sourceId: String
    /// The id (a UUID) of an existing lexoffice contact to use instead of finding or creating one.
    package var lexofficeContactId: String?
    /// Company data, when the customer is a company.
    package var company: SourceCompany?
    /// Person data, when the customer is a private person.
    package var person: SourcePerson?
    /// The billing address.
    package var address: SourceAddress?
    /// An e-mail address for the contact, for example `rechnung@example.com`.
    package var email: String?
    /// A phone number for the contact; at most 30 characters (lexoffice rejects longer ones).
    package var phone: String?
    /// The buyer reference for XRechnung (for public authorities the Leitweg-ID); needs ``vendorNumberAtCustomer``.
    package var buyerReference: String?
    /// The seller's supplier number at this customer, needed for XRechnung.
    package var vendorNumberAtCustomer: String?

    /// A customer.
    package init(
        sourceId: String,
        lexofficeContactId: String? = nil,
        company: SourceCompany? = nil,
        person: SourcePerson? = nil,
        address: SourceAddress? = nil,
        email: String? = nil,
        phone: String? = nil,
        buyerReference: String? = nil,
        vendorNumberAtCustomer: String? = nil
    ) {
        self.sourceId = sourceId
        self.lexofficeContactId = lexofficeContactId
        self.company = company
        self.person = person
        self.address = address
        self.email = email
        self.phone = phone
        self.buyerReference = buyerReference
        self.vendorNumberAtCustomer = vendorNumberAtCustomer
    }
}
