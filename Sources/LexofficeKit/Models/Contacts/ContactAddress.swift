/// A postal address of a contact.
public struct ContactAddress: Codable, Hashable, Sendable {
    /// An additional address line, e.g. `Tor 2`.
    public var supplement: String?
    /// The street and house number.
    public var street: String?
    /// The postal code.
    public var zip: String?
    /// The city.
    public var city: String?
    /// The country: ISO 3166 alpha-2 (`DE`) or an extended code such as `ES_CN` from `GET /v1/countries`.
    public var countryCode: String

    /// Creates an address.
    public init(
        countryCode: String,
        supplement: String? = nil,
        street: String? = nil,
        zip: String? = nil,
        city: String? = nil
    ) {
        self.supplement = supplement
        self.street = street
        self.zip = zip
        self.city = city
        self.countryCode = countryCode
    }
}
