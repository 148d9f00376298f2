/// When the goods or services of a sales voucher were delivered; decides which tax rates are valid.
///
/// Invoices, down payment invoices, order confirmations, delivery notes and dunnings have them; quotations,
/// credit notes and recurring templates do not.
public struct ShippingConditions: Codable, Hashable, Sendable {
    // Declared in the order of lexoffice's documented response samples, which encoders keep.
    /// The (start) date; required for every `shippingType` except `none`.
    public var shippingDate: LexofficeDateTime?
    /// The end of the period; required for `serviceperiod` and `deliveryperiod`, not before `shippingDate`.
    public var shippingEndDate: LexofficeDateTime?
    /// The kind of delivery.
    public var shippingType: ShippingType

    /// Creates shipping conditions.
    public init(
        shippingType: ShippingType,
        shippingDate: LexofficeDateTime? = nil,
        shippingEndDate: LexofficeDateTime? = nil
    ) {
        self.shippingType = shippingType
        self.shippingDate = shippingDate
        self.shippingEndDate = shippingEndDate
    }
}
