/// A customer's billing address.
package struct SourceAddress: Sendable, Codable, Equatable {
    /// An extra line, for example a department or `c/o`.
    package var supplement: String?
    /// Street and house number.
    package var street: String?
    /// The postal code.
    package var zip: String?
    /// The city.
    package var city: String?
    /// The country: an ISO 3166-1 alpha-2 code in upper case (`DE`), or one of lexoffice's extended region codes
    /// such as `ES_CN` (Canary Islands). Required.
    package var countryCode: String

    /// An address.
    package init(
        supplement: String? = nil,
        street: String? = nil,
        zip: String? = nil,
        city: String? = nil,
        countryCode: String
    ) {
        self.supplement = supplement
        self.street = street
        self.zip = zip
        self.city = city
        self.countryCode = countryCode
    }
}
