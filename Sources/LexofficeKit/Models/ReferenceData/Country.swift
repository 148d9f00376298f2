/// A country lexoffice supports, with its current tax classification (`GET /v1/countries`).
public struct Country: Codable, Hashable, Sendable {
    /// The code: ISO 3166 alpha-2, or an extended code for regions with special tax treatment (`ES_CN`, `GR_69`).
    public var countryCode: String
    // Declared in the order of lexoffice's documented sample, which encoders keep.
    /// The German name.
    public var countryNameDE: String?
    /// The English name.
    public var countryNameEN: String?
    /// The current tax classification (changes when countries join or leave the EU).
    public var taxClassification: TaxClassification?

    /// Creates a country (simulators and tests).
    public init(
        countryCode: String,
        countryNameEN: String? = nil,
        countryNameDE: String? = nil,
        taxClassification: TaxClassification? = nil
    ) {
        self.countryCode = countryCode
        self.countryNameEN = countryNameEN
        self.countryNameDE = countryNameDE
        self.taxClassification = taxClassification
    }
}
