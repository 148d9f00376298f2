/// The EU B2C special case of a `net` or `gross` sales voucher (since 01.07.2021).
public struct TaxSubType: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Distance sales of goods to consumers in other EU countries (Fernverkauf).
    public static let distanceSales: TaxSubType = "distanceSales"
    /// Electronic services to consumers in other EU countries.
    public static let electronicServices: TaxSubType = "electronicServices"

    public static let documentedValues: [TaxSubType] = [.distanceSales, .electronicServices]
}
