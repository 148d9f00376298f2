/// Where EU distance sales to consumers are taxed, as configured in the organization.
public struct DistanceSalesPrinciple: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Taxed in Germany, the country of origin.
    public static let origin: DistanceSalesPrinciple = "ORIGIN"
    /// Taxed in the customer's country, with its tax rates.
    public static let destination: DistanceSalesPrinciple = "DESTINATION"

    public static let documentedValues: [DistanceSalesPrinciple] = [.origin, .destination]
}
