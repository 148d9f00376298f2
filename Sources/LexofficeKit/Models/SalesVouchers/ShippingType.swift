/// When goods were delivered or services rendered; lexoffice accepts only the lower-case values.
public struct ShippingType: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A service rendered on `shippingDate`.
    public static let service: ShippingType = "service"
    /// A service rendered between `shippingDate` and `shippingEndDate`.
    public static let servicePeriod: ShippingType = "serviceperiod"
    /// Goods delivered on `shippingDate`.
    public static let delivery: ShippingType = "delivery"
    /// Goods delivered between `shippingDate` and `shippingEndDate`.
    public static let deliveryPeriod: ShippingType = "deliveryperiod"
    /// No shipping date (wire value `none`; named so it cannot be mistaken for `Optional.none`).
    public static let noShippingDate: ShippingType = "none"

    public static let documentedValues: [ShippingType] = [
        .service, .servicePeriod, .delivery, .deliveryPeriod, .noShippingDate,
    ]
}
