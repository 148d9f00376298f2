/// The company data of a company contact.
public struct Company: Codable, Hashable, Sendable {
    /// The company name; must not be empty.
    public var name: String
    /// The German tax number (Steuernummer).
    public var taxNumber: String?
    /// The VAT id (USt-IdNr.); send it upper-case, lexoffice validates it.
    public var vatRegistrationId: String?
    /// Whether vat-free invoices are allowed for this customer.
    public var allowTaxFreeInvoices: Bool?
    /// The contact persons; at most one entry.
    public var contactPersons: [ContactPerson]?

    /// Creates company data.
    public init(
        name: String,
        taxNumber: String? = nil,
        vatRegistrationId: String? = nil,
        allowTaxFreeInvoices: Bool? = nil,
        contactPersons: [ContactPerson]? = nil
    ) {
        self.name = name
        self.taxNumber = taxNumber
        self.vatRegistrationId = vatRegistrationId
        self.allowTaxFreeInvoices = allowTaxFreeInvoices
        self.contactPersons = contactPersons
    }
}
