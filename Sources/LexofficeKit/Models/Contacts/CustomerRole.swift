/// The customer role of a contact, carrying the customer number.
public struct CustomerRole: Codable, Hashable, Sendable {
    /// The customer number; read-only, assigned by lexoffice, unique per organization and immutable.
    public var number: Int?

    /// Creates the role; leave `number` out when creating a contact (it is encoded as `{}`).
    public init(number: Int? = nil) {
        self.number = number
    }
}
