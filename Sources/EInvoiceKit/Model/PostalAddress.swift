/// A postal address (BG-5, BG-8).
public struct PostalAddress: Hashable, Sendable {
    /// Address lines 1–3 (BT-35…BT-37, BT-50…BT-52), the empty ones left out.
    public var lines: [String]
    /// The city (BT-37, BT-52).
    public var city: String?
    /// The post code (BT-38, BT-53).
    public var postCode: String?
    /// The country subdivision (BT-39, BT-54).
    public var countrySubdivision: String?
    /// The country, an ISO 3166-1 alpha-2 code (BT-40, BT-55).
    public var countryCode: String?

    /// Creates an address.
    public init(
        lines: [String],
        city: String?,
        postCode: String?,
        countrySubdivision: String? = nil,
        countryCode: String?
    ) {
        self.lines = lines
        self.city = city
        self.postCode = postCode
        self.countrySubdivision = countrySubdivision
        self.countryCode = countryCode
    }
}
