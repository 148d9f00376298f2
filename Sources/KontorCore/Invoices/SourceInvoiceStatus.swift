/// Where an invoice stands in the source application.
///
/// A cancellation document (Storno) is not a status: it is a separate invoice with status ``finalized`` whose
/// ``SourceInvoice/cancels`` names the original; it becomes a lexoffice credit note.
package enum SourceInvoiceStatus: String, Sendable, Codable, CaseIterable {
    /// Still being edited at the source; it may change or disappear.
    case draft
    /// Issued to the customer; number, date and amounts no longer change.
    case finalized
    /// Voided at the source and kept only for the record; must not name an invoice in ``SourceInvoice/cancels``.
    case cancelled
}
