import struct Foundation.Decimal

/// One payment booked against a voucher.
public struct PaymentItem: Codable, Hashable, Sendable {
    /// How the payment was made.
    public var paymentItemType: PaymentItemType?
    /// The posting date.
    public var postingDate: LexofficeDateTime?
    /// The amount, positive for revenues and expenses; read from a number or a numeric string.
    public var amount: Decimal?
    /// The currency.
    public var currency: Currency?

    /// Creates a payment item (simulators and tests).
    public init(
        paymentItemType: PaymentItemType? = nil,
        postingDate: LexofficeDateTime? = nil,
        amount: Decimal? = nil,
        currency: Currency? = nil
    ) {
        self.paymentItemType = paymentItemType
        self.postingDate = postingDate
        self.amount = amount
        self.currency = currency
    }
}

extension PaymentItem {
    /// Decodes a payment item, reading ``amount`` from a JSON number or a numeric string such as `"20.00"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        paymentItemType = try container.decodeIfPresent(PaymentItemType.self, forKey: .paymentItemType)
        postingDate = try container.decodeIfPresent(LexofficeDateTime.self, forKey: .postingDate)
        amount = try container.decodeNumberOrNumericStringIfPresent(forKey: .amount)
        currency = try container.decodeIfPresent(Currency.self, forKey: .currency)
    }
}
