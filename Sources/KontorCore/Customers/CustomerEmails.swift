/// A customer's e-mail addresses, one per kind (lexoffice's kinds).
package struct CustomerEmails: Sendable, Codable, Equatable {
    /// The business address, where invoices go.
    package var business: String?
    /// The office address.
    package var office: String?
    /// A private address.
    package var `private`: String?
    /// Another address.
    package var other: String?

    /// Addresses.
    package init(business: String? = nil, office: String? = nil, private: String? = nil, other: String? = nil) {
        self.business = business
        self.office = office
        self.private = `private`
        self.other = other
    }
}
