/// The kind of change a webhook reports, e.g. `invoice.status.changed`.
///
/// `*.changed` events also fire for status changes; `*.status.changed` is sent in addition.
public struct EventType: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// An article was created.
    public static let articleCreated: EventType = "article.created"
    /// An article was changed.
    public static let articleChanged: EventType = "article.changed"
    /// An article was deleted.
    public static let articleDeleted: EventType = "article.deleted"
    /// A contact was created.
    public static let contactCreated: EventType = "contact.created"
    /// A contact was changed.
    public static let contactChanged: EventType = "contact.changed"
    /// A contact was deleted (in the web app).
    public static let contactDeleted: EventType = "contact.deleted"
    /// A credit note was created.
    public static let creditNoteCreated: EventType = "credit-note.created"
    /// A credit note was changed, possibly only its status.
    public static let creditNoteChanged: EventType = "credit-note.changed"
    /// A credit note was deleted.
    public static let creditNoteDeleted: EventType = "credit-note.deleted"
    /// The status of a credit note changed.
    public static let creditNoteStatusChanged: EventType = "credit-note.status.changed"
    /// A delivery note was created.
    public static let deliveryNoteCreated: EventType = "delivery-note.created"
    /// A delivery note was changed, possibly only its status.
    public static let deliveryNoteChanged: EventType = "delivery-note.changed"
    /// A delivery note was deleted.
    public static let deliveryNoteDeleted: EventType = "delivery-note.deleted"
    /// The status of a delivery note changed.
    public static let deliveryNoteStatusChanged: EventType = "delivery-note.status.changed"
    /// A down payment invoice was created.
    public static let downPaymentInvoiceCreated: EventType = "down-payment-invoice.created"
    /// A down payment invoice was changed, possibly only its status.
    public static let downPaymentInvoiceChanged: EventType = "down-payment-invoice.changed"
    /// A down payment invoice was deleted.
    public static let downPaymentInvoiceDeleted: EventType = "down-payment-invoice.deleted"
    /// The status of a down payment invoice changed.
    public static let downPaymentInvoiceStatusChanged: EventType = "down-payment-invoice.status.changed"
    /// A dunning was created.
    public static let dunningCreated: EventType = "dunning.created"
    /// A dunning was changed.
    public static let dunningChanged: EventType = "dunning.changed"
    /// A dunning was deleted.
    public static let dunningDeleted: EventType = "dunning.deleted"
    /// An invoice was created.
    public static let invoiceCreated: EventType = "invoice.created"
    /// An invoice was changed, possibly only its status.
    public static let invoiceChanged: EventType = "invoice.changed"
    /// An invoice was deleted.
    public static let invoiceDeleted: EventType = "invoice.deleted"
    /// The status of an invoice changed.
    public static let invoiceStatusChanged: EventType = "invoice.status.changed"
    /// An order confirmation was created.
    public static let orderConfirmationCreated: EventType = "order-confirmation.created"
    /// An order confirmation was changed, possibly only its status.
    public static let orderConfirmationChanged: EventType = "order-confirmation.changed"
    /// An order confirmation was deleted.
    public static let orderConfirmationDeleted: EventType = "order-confirmation.deleted"
    /// The status of an order confirmation changed.
    public static let orderConfirmationStatusChanged: EventType = "order-confirmation.status.changed"
    /// The payments of a bookkeeping or sales voucher changed; also sent when an invoice or credit note returns to
    /// draft (reading its payments then answers 406).
    public static let paymentChanged: EventType = "payment.changed"
    /// A quotation was created.
    public static let quotationCreated: EventType = "quotation.created"
    /// A quotation was changed, possibly only its status.
    public static let quotationChanged: EventType = "quotation.changed"
    /// A quotation was deleted.
    public static let quotationDeleted: EventType = "quotation.deleted"
    /// The status of a quotation changed.
    public static let quotationStatusChanged: EventType = "quotation.status.changed"
    /// A recurring template was created.
    public static let recurringTemplateCreated: EventType = "recurring-template.created"
    /// A recurring template was changed.
    public static let recurringTemplateChanged: EventType = "recurring-template.changed"
    /// A recurring template was deleted.
    public static let recurringTemplateDeleted: EventType = "recurring-template.deleted"
    /// A connection's refresh token was revoked; the callback's `resourceId` is the `connectionId`.
    public static let tokenRevoked: EventType = "token.revoked"
    /// A bookkeeping voucher was created (after an upload: once OCR finished).
    public static let voucherCreated: EventType = "voucher.created"
    /// A bookkeeping voucher was changed, possibly only its status.
    public static let voucherChanged: EventType = "voucher.changed"
    /// A bookkeeping voucher was deleted.
    public static let voucherDeleted: EventType = "voucher.deleted"
    /// The status of a bookkeeping voucher changed.
    public static let voucherStatusChanged: EventType = "voucher.status.changed"

    public static let documentedValues: [EventType] = [
        .articleCreated, .articleChanged, .articleDeleted, .contactCreated, .contactChanged, .contactDeleted,
        .creditNoteCreated, .creditNoteChanged, .creditNoteDeleted, .creditNoteStatusChanged, .deliveryNoteCreated,
        .deliveryNoteChanged, .deliveryNoteDeleted, .deliveryNoteStatusChanged, .downPaymentInvoiceCreated,
        .downPaymentInvoiceChanged, .downPaymentInvoiceDeleted, .downPaymentInvoiceStatusChanged, .dunningCreated,
        .dunningChanged, .dunningDeleted, .invoiceCreated, .invoiceChanged, .invoiceDeleted, .invoiceStatusChanged,
        .orderConfirmationCreated, .orderConfirmationChanged, .orderConfirmationDeleted,
        .orderConfirmationStatusChanged, .paymentChanged, .quotationCreated, .quotationChanged, .quotationDeleted,
        .quotationStatusChanged, .recurringTemplateCreated, .recurringTemplateChanged, .recurringTemplateDeleted,
        .tokenRevoked, .voucherCreated, .voucherChanged, .voucherDeleted, .voucherStatusChanged,
    ]
}
