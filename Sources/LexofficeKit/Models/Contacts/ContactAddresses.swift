/// The billing and shipping addresses of a contact.
public struct ContactAddresses: Codable, Hashable, Sendable {
    /// The billing addresses; at most one entry.
    public var billing: [ContactAddress]?
    /// The shipping addresses; at most one entry.
    public var shipping: [ContactAddress]?

    /// Creates an address set.
    public init(billing: [ContactAddress]? = nil, shipping: [ContactAddress]? = nil) {
        self.billing = billing
        self.shipping = shipping
    }
}
