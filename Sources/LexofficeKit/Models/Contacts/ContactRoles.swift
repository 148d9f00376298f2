/// The roles of a contact; a present key means the contact has that role.
public struct ContactRoles: Codable, Hashable, Sendable {
    /// The customer role, sent as `{}` on create.
    public var customer: CustomerRole?
    /// The vendor role, sent as `{}` on create.
    public var vendor: VendorRole?

    /// Creates a role set; give at least one role.
    public init(customer: CustomerRole? = nil, vendor: VendorRole? = nil) {
        self.customer = customer
        self.vendor = vendor
    }
}
