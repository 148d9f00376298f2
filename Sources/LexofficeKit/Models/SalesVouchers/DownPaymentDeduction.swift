import struct Foundation.Decimal

/// A down payment deducted by a closing invoice (read-only: ignored by lexoffice when sent).
public struct DownPaymentDeduction: Codable, Hashable, Sendable {
    /// The down payment invoice's id.
    public var id: LexofficeID
    /// The deducted document's type, always `downpaymentinvoice`.
    public var voucherType: VoucherType?
    /// The down payment invoice's title.
    public var title: String?
    /// The down payment invoice's number.
    public var voucherNumber: String?
    /// The down payment invoice's date.
    public var voucherDate: LexofficeDateTime?
    /// The gross amount received for the down payment.
    public var receivedGrossAmount: Decimal?
    /// The net amount received for the down payment.
    public var receivedNetAmount: Decimal?
    /// The tax received for the down payment.
    public var receivedTaxAmount: Decimal?
    /// The tax rate in percent the down payment used.
    public var taxRatePercentage: Decimal?

    /// Creates a deduction (simulators and tests).
    public init(
        id: LexofficeID,
        voucherType: VoucherType? = nil,
        title: String? = nil,
        voucherNumber: String? = nil,
        voucherDate: LexofficeDateTime? = nil,
        receivedGrossAmount: Decimal? = nil,
        receivedNetAmount: Decimal? = nil,
        receivedTaxAmount: Decimal? = nil,
        taxRatePercentage: Decimal? = nil
    ) {
        self.id = id
        self.voucherType = voucherType
        self.title = title
        self.voucherNumber = voucherNumber
        self.voucherDate = voucherDate
        self.receivedGrossAmount = receivedGrossAmount
        self.receivedNetAmount = receivedNetAmount
        self.receivedTaxAmount = receivedTaxAmount
        self.taxRatePercentage = taxRatePercentage
    }
}
