import struct Foundation.Decimal

/// An early payment discount (Skonto): `discountPercentage` off when paid within `discountRange` days.
public struct PaymentDiscountConditions: Codable, Hashable, Sendable {
    /// The discount in percent, 2 decimals.
    public var discountPercentage: Decimal?
    /// The days within which the discount applies.
    public var discountRange: Int?

    /// Creates discount conditions.
    public init(discountPercentage: Decimal? = nil, discountRange: Int? = nil) {
        self.discountPercentage = discountPercentage
        self.discountRange = discountRange
    }
}
