/// The recipient of a sales voucher: a referenced contact, a one-time address, or a contact with overrides.
///
/// Send either `contactId` (a contact with the customer role) or `name` and `countryCode`. Fields sent together
/// with `contactId` override the contact's data for this document only. Without `contactId` lexoffice books the
/// document on the collective customer; tax types other than `net`, `gross` and `vatfree` need a contact.
public struct SalesVoucherAddress: Codable, Hashable, Sendable {
    /// The referenced contact; its billing address is used (delivery notes prefer the shipping address).
    public var contactId: LexofficeID?
    /// The recipient's name; required without `contactId` (for a person: `{firstname} {lastname}`).
    public var name: String?
    /// An address supplement.
    public var supplement: String?
    /// Street and house number.
    public var street: String?
    /// The city.
    public var city: String?
    /// The postal code.
    public var zip: String?
    /// ISO 3166 alpha-2 code or an extended code such as `ES_CN`; required without `contactId`.
    public var countryCode: String?
    /// The contact person chosen for the document; read-only: ignored by lexoffice when sent.
    public var contactPerson: String?

    /// Creates an address; pass `contactId` alone to use a contact's stored address.
    public init(
        contactId: LexofficeID? = nil,
        name: String? = nil,
        supplement: String? = nil,
        street: String? = nil,
        city: String? = nil,
        zip: String? = nil,
        countryCode: String? = nil,
        contactPerson: String? = nil
    ) {
        self.contactId = contactId
        self.name = name
        self.supplement = supplement
        self.street = street
        self.city = city
        self.zip = zip
        self.countryCode = countryCode
        self.contactPerson = contactPerson
    }
}
