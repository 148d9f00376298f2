/// A customer and/or vendor of the organization: a company or a private person (`/v1/contacts`).
///
/// Send either ``company`` or ``person``, never both. Every list in ``addresses``, ``emailAddresses``,
/// ``phoneNumbers`` and ``Company/contactPersons`` may hold at most one entry; contacts with more (possible in the
/// web app) cannot be updated through the API.
public struct Contact: Codable, Hashable, Sendable {
    /// The contact's id; read-only, assigned by lexoffice.
    public var id: LexofficeID?
    /// The owning organization; read-only.
    public var organizationId: LexofficeID?
    /// The optimistic-locking revision: `0` on create, the value last read on update.
    public var version: Int
    /// The roles the contact has; at least one is required.
    public var roles: ContactRoles
    /// Company data; mutually exclusive with ``person``.
    public var company: Company?
    /// Private person data; mutually exclusive with ``company``.
    public var person: Person?
    /// Billing and shipping addresses.
    public var addresses: ContactAddresses?
    /// XRechnung routing data for public-sector customers.
    public var xRechnung: ContactXRechnung?
    /// E-mail addresses by category.
    public var emailAddresses: EmailAddresses?
    /// Phone numbers by category.
    public var phoneNumbers: PhoneNumbers?
    /// A free-text note, at most 1000 characters.
    public var note: String?
    /// Whether the contact is archived; read-only (archiving happens in the web app).
    public var archived: Bool?

    /// Creates a contact; pass `version: 0` and empty roles (`CustomerRole()`) to create one.
    public init(
        version: Int,
        roles: ContactRoles,
        company: Company? = nil,
        person: Person? = nil,
        addresses: ContactAddresses? = nil,
        xRechnung: ContactXRechnung? = nil,
        emailAddresses: EmailAddresses? = nil,
        phoneNumbers: PhoneNumbers? = nil,
        note: String? = nil,
        id: LexofficeID? = nil,
        organizationId: LexofficeID? = nil,
        archived: Bool? = nil
    ) {
        self.id = id
        self.organizationId = organizationId
        self.version = version
        self.roles = roles
        self.company = company
        self.person = person
        self.addresses = addresses
        self.xRechnung = xRechnung
        self.emailAddresses = emailAddresses
        self.phoneNumbers = phoneNumbers
        self.note = note
        self.archived = archived
    }
}
