/// The kinds of outgoing lexoffice documents the archive stores; the raw value is lexoffice's voucher type name
/// and the `{type}` of a sink's key template.
package enum ArchiveDocumentType: String, Sendable, Hashable, Codable, CaseIterable {
    /// A sales invoice.
    case invoice
    /// A credit note (also a cancellation, "Storno").
    case creditNote = "creditnote"
    /// An order confirmation.
    case orderConfirmation = "orderconfirmation"
    /// A quotation.
    case quotation
    /// A delivery note.
    case deliveryNote = "deliverynote"
    /// A dunning (payment reminder).
    case dunning
    /// A down payment invoice.
    case downPaymentInvoice = "downpaymentinvoice"
    /// A bookkeeping voucher with its receipt file.
    case voucher
}
