/// The vendor role of a contact, carrying the vendor number.
public struct VendorRole: Codable, Hashable, Sendable {
    /// The vendor number; read-only, assigned by lexoffice, unique per organization and immutable.
    public var number: Int?

    /// Creates the role; leave `number` out when creating a contact (it is encoded as `{}`).
    public init(number: Int? = nil) {
        self.number = number
    }
}
