/// A customer as Kontor's customer sync holds it on both sides: the source application sends it in this form, and
/// lexoffice contacts are shown to the source in it. Exactly one of ``company`` and ``person``.
///
/// lexoffice keeps lists of addresses, e-mails and phone numbers, but its API updates only contacts with at most
/// one entry per list; the canonical form has one of each kind.
package struct CanonicalCustomer: Sendable, Codable, Equatable {
    /// Company data, when the customer is a company (with its contact persons).
    package var company: SourceCompany?
    /// Person data, when the customer is a private person.
    package var person: SourcePerson?
    /// The billing address.
    package var billingAddress: SourceAddress?
    /// The shipping address.
    package var shippingAddress: SourceAddress?
    /// E-mail addresses by kind.
    package var emails: CustomerEmails?
    /// Phone numbers by kind.
    package var phones: CustomerPhones?
    /// The buyer reference for XRechnung (for public authorities the Leitweg-ID); needs ``vendorNumberAtCustomer``.
    package var buyerReference: String?
    /// The seller's supplier number at this customer, needed for XRechnung.
    package var vendorNumberAtCustomer: String?
    /// A note on the customer.
    package var note: String?
    /// The customer number: the source's own when it sends a customer (lexoffice assigns its own, which wins and
    /// is sent back); lexoffice's when the hub shows a lexoffice contact.
    package var customerNumber: String?

    /// A customer.
    package init(
        company: SourceCompany? = nil,
        person: SourcePerson? = nil,
        billingAddress: SourceAddress? = nil,
        shippingAddress: SourceAddress? = nil,
        emails: CustomerEmails? = nil,
        phones: CustomerPhones? = nil,
        buyerReference: String? = nil,
        vendorNumberAtCustomer: String? = nil,
        note: String? = nil,
        customerNumber: String? = nil
    ) {
        self.company = company
        self.person = person
        self.billingAddress = billingAddress
        self.shippingAddress = shippingAddress
        self.emails = emails
        self.phones = phones
        self.buyerReference = buyerReference
        self.vendorNumberAtCustomer = vendorNumberAtCustomer
        self.note = note
        self.customerNumber = customerNumber
    }
}
