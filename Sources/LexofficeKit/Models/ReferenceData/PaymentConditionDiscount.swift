import struct Foundation.Decimal

/// The cash discount (Skonto) of a payment condition.
public struct PaymentConditionDiscount: Codable, Hashable, Sendable {
    // Declared in the order of lexoffice's documented sample, which encoders keep.
    /// The number of days within which the discount applies.
    public var discountRange: Int?
    /// The discount in percent, up to 2 decimals.
    public var discountPercentage: Decimal?

    /// Creates a discount condition.
    public init(discountPercentage: Decimal? = nil, discountRange: Int? = nil) {
        self.discountPercentage = discountPercentage
        self.discountRange = discountRange
    }
}
