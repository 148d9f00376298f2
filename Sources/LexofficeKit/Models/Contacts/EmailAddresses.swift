/// The e-mail addresses of a contact by category; each list holds at most one non-empty address.
public struct EmailAddresses: Codable, Hashable, Sendable {
    /// Business addresses.
    public var business: [String]?
    /// Office addresses.
    public var office: [String]?
    /// Private addresses.
    public var `private`: [String]?
    /// Other addresses.
    public var other: [String]?

    /// Creates an address set.
    public init(
        business: [String]? = nil,
        office: [String]? = nil,
        private: [String]? = nil,
        other: [String]? = nil
    ) {
        self.business = business
        self.office = office
        self.private = `private`
        self.other = other
    }
}
