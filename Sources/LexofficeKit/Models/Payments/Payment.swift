import struct Foundation.Decimal

/// The payment status of a voucher (`GET /v1/payments/{voucherId}`, read-only).
public struct Payment: Codable, Hashable, Sendable {
    /// The amount still open, positive for revenues and expenses; read from a number or a numeric string.
    public var openAmount: Decimal?
    /// The currency.
    public var currency: Currency?
    /// Whether the voucher is settled or has open revenue or expense.
    public var paymentStatus: PaymentStatus?
    /// The voucher's kind.
    public var voucherType: VoucherType?
    /// The voucher's status.
    public var voucherStatus: VoucherStatus?
    /// The date of the last payment; only when ``voucherStatus`` is `paid` or `paidoff`.
    public var paidDate: LexofficeDateTime?
    /// The individual payments.
    public var paymentItems: [PaymentItem]?

    /// Creates a payment status (simulators and tests).
    public init(
        openAmount: Decimal? = nil,
        currency: Currency? = nil,
        paymentStatus: PaymentStatus? = nil,
        voucherType: VoucherType? = nil,
        voucherStatus: VoucherStatus? = nil,
        paidDate: LexofficeDateTime? = nil,
        paymentItems: [PaymentItem]? = nil
    ) {
        self.openAmount = openAmount
        self.currency = currency
        self.paymentStatus = paymentStatus
        self.voucherType = voucherType
        self.voucherStatus = voucherStatus
        self.paidDate = paidDate
        self.paymentItems = paymentItems
    }
}

extension Payment {
    /// Decodes a payment status, reading ``openAmount`` from a JSON number or a numeric string such as `"1337.00"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        openAmount = try container.decodeNumberOrNumericStringIfPresent(forKey: .openAmount)
        currency = try container.decodeIfPresent(Currency.self, forKey: .currency)
        paymentStatus = try container.decodeIfPresent(PaymentStatus.self, forKey: .paymentStatus)
        voucherType = try container.decodeIfPresent(VoucherType.self, forKey: .voucherType)
        voucherStatus = try container.decodeIfPresent(VoucherStatus.self, forKey: .voucherStatus)
        paidDate = try container.decodeIfPresent(LexofficeDateTime.self, forKey: .paidDate)
        paymentItems = try container.decodeIfPresent([PaymentItem].self, forKey: .paymentItems)
    }
}
