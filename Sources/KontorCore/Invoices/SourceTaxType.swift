/// How an invoice is taxed; the values are exactly lexoffice's `taxConditions.taxType` values.
///
/// All types except ``net`` and ``gross`` are vat-free: every line must have tax rate 0. Lexoffice accepts
/// the vat-free types other than ``vatFree`` only for a referenced contact, which the hub creates or links.
package enum SourceTaxType: String, Sendable, Codable, CaseIterable {
    /// Prices are net; tax is added (the usual business-to-business invoice).
    case net
    /// Prices include tax (the usual invoice to consumers).
    case gross
    /// Tax-exempt (Steuerfrei), for example a small business under §19 UStG.
    case vatFree = "vatfree"
    /// Intra-community supply to a business in another EU country (innergemeinschaftliche Lieferung).
    case intraCommunitySupply
    /// Construction services under §13b UStG: the customer owes the tax.
    case constructionService13b
    /// External services within the EU under §13b UStG: the customer owes the tax.
    case externalService13b
    /// Services to a customer in a country outside the EU (Dienstleistungen an Drittländer).
    case thirdPartyCountryService
    /// Deliveries to a country outside the EU (Ausfuhrlieferungen an Drittländer).
    case thirdPartyCountryDelivery
    /// 0 % for photovoltaic equipment and its installation in Germany (since 2023).
    case photovoltaicEquipment

    /// Whether unit prices are gross amounts; lexoffice takes gross prices only with ``gross``, net prices otherwise.
    package var usesGrossPrices: Bool { self == .gross }

    /// Whether every line must have tax rate 0 (all types except ``net`` and ``gross``).
    package var requiresZeroTaxRate: Bool { self != .net && self != .gross }
}
