/// How amounts are taxed: sales voucher `taxConditions.taxType`, bookkeeping voucher `taxType`, profile `taxType`.
public struct TaxType: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Amounts are net; tax is added.
    public static let net: TaxType = "net"
    /// Amounts include tax.
    public static let gross: TaxType = "gross"
    /// Tax-exempt (Steuerfrei).
    public static let vatFree: TaxType = "vatfree"
    /// Intra-community supply (innergemeinschaftliche Lieferung); needs a referenced contact.
    public static let intraCommunitySupply: TaxType = "intraCommunitySupply"
    /// Construction services under §13b UStG; needs a referenced contact.
    public static let constructionService13b: TaxType = "constructionService13b"
    /// External services within the EU under §13b UStG; needs a referenced contact.
    public static let externalService13b: TaxType = "externalService13b"
    /// Services to third countries; needs a referenced contact.
    public static let thirdPartyCountryService: TaxType = "thirdPartyCountryService"
    /// Deliveries to third countries; needs a referenced contact.
    public static let thirdPartyCountryDelivery: TaxType = "thirdPartyCountryDelivery"
    /// 0 % for photovoltaic equipment in Germany (since 2023).
    public static let photovoltaicEquipment: TaxType = "photovoltaicEquipment"

    public static let documentedValues: [TaxType] = [
        .net, .gross, .vatFree, .intraCommunitySupply, .constructionService13b, .externalService13b,
        .thirdPartyCountryService, .thirdPartyCountryDelivery, .photovoltaicEquipment,
    ]
}
