/// How a country is treated for tax purposes.
public struct TaxClassification: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Germany.
    public static let de: TaxClassification = "de"
    /// An EU member state, eligible for intra-community supply (which also depends on organization and contact).
    public static let intraCommunity: TaxClassification = "intraCommunity"
    /// Any other country.
    public static let thirdPartyCountry: TaxClassification = "thirdPartyCountry"

    public static let documentedValues: [TaxClassification] = [.de, .intraCommunity, .thirdPartyCountry]
}
