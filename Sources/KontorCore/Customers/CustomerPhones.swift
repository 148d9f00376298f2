/// A customer's phone numbers, one per kind (lexoffice's kinds), each at most 30 characters.
package struct CustomerPhones: Sendable, Codable, Equatable {
    /// The business number.
    package var business: String?
    /// The office number.
    package var office: String?
    /// A mobile number.
    package var mobile: String?
    /// A private number.
    package var `private`: String?
    /// A fax number.
    package var fax: String?
    /// Another number.
    package var other: String?

    /// Numbers.
    package init(
        business: String? = nil,
        office: String? = nil,
        mobile: String? = nil,
        private: String? = nil,
        fax: String? = nil,
        other: String? = nil
    ) {
        self.business = business
        self.office = office
        self.mobile = mobile
        self.private = `private`
        self.fax = fax
        self.other = other
    }
}
