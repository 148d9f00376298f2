/// A voucher kind as named by the voucherlist, payments, related vouchers and bookkeeping vouchers.
public struct VoucherType: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Bookkeeping voucher: revenue.
    public static let salesInvoice: VoucherType = "salesinvoice"
    /// Bookkeeping voucher: revenue reduction.
    public static let salesCreditNote: VoucherType = "salescreditnote"
    /// Bookkeeping voucher: expense.
    public static let purchaseInvoice: VoucherType = "purchaseinvoice"
    /// Bookkeeping voucher: expense reduction.
    public static let purchaseCreditNote: VoucherType = "purchasecreditnote"
    /// Sales voucher: invoice (`/v1/invoices`).
    public static let invoice: VoucherType = "invoice"
    /// Sales voucher: down payment invoice (`/v1/down-payment-invoices`).
    public static let downPaymentInvoice: VoucherType = "downpaymentinvoice"
    /// Sales voucher: credit note (`/v1/credit-notes`).
    public static let creditNote: VoucherType = "creditnote"
    /// Sales voucher: order confirmation (`/v1/order-confirmations`).
    public static let orderConfirmation: VoucherType = "orderconfirmation"
    /// Sales voucher: quotation (`/v1/quotations`).
    public static let quotation: VoucherType = "quotation"
    /// Sales voucher: delivery note (`/v1/delivery-notes`).
    public static let deliveryNote: VoucherType = "deliverynote"

    public static let documentedValues: [VoucherType] = [
        .salesInvoice, .salesCreditNote, .purchaseInvoice, .purchaseCreditNote, .invoice, .downPaymentInvoice,
        .creditNote, .orderConfirmation, .quotation, .deliveryNote,
    ]

    /// The four bookkeeping voucher types (`/v1/vouchers`).
    public static let bookkeepingTypes: [VoucherType] = [
        .salesInvoice, .salesCreditNote, .purchaseInvoice, .purchaseCreditNote,
    ]
}
