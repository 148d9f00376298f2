/// The phone numbers of a contact by category; each list holds at most one number (at most 30 characters).
public struct PhoneNumbers: Codable, Hashable, Sendable {
    /// Business numbers.
    public var business: [String]?
    /// Office numbers.
    public var office: [String]?
    /// Mobile numbers.
    public var mobile: [String]?
    /// Private numbers.
    public var `private`: [String]?
    /// Fax numbers.
    public var fax: [String]?
    /// Other numbers.
    public var other: [String]?

    /// Creates a number set.
    public init(
        business: [String]? = nil,
        office: [String]? = nil,
        mobile: [String]? = nil,
        private: [String]? = nil,
        fax: [String]? = nil,
        other: [String]? = nil
    ) {
        self.business = business
        self.office = office
        self.mobile = mobile
        self.private = `private`
        self.fax = fax
        self.other = other
    }
}
