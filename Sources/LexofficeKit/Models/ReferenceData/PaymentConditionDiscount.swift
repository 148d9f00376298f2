import struct Foundation.Decimal

/// The cash discount (Skonto) of a payment condition.
public struct PaymentConditionDiscount: Codable, Hashable, Sendable {
    /// The discount in percent, up to 2 decimals.
    public var discountPercentage: Decimal?
    /// The number of days within which the discount applies.
    public var discountRange: Int?

    /// Creates a discount condition.
    public init(discountPercentage: Decimal? = nil, discountRange: Int? = nil) {
        self.discountPercentage = discountPercentage
        self.discountRange = discountRange
    }
}
