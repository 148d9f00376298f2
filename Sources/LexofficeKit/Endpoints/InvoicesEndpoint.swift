/// `/v1/invoices`: create (draft or finalized, optionally pursuing a quotation, order confirmation or delivery
/// note), read, and download invoices. There is no update, delete, finalize-later or list; list invoices with
/// ``LexofficeClient/voucherList``.
public struct InvoicesEndpoint: Sendable {
    let operations: SalesVoucherOperations<Invoice>

    /// Creates an invoice; a draft unless `finalize` (then `open` with its final number).
    /// - Parameter precedingSalesVoucherID: the quotation, order confirmation or delivery note this invoice
    ///   follows (406 if that document is a draft or has optional/alternative items).
    /// - Throws: ``LexofficeError`` (406 validation, ``LexofficeError/Code/outcomeUnknown`` after a 504 or lost
    ///   connection: look the invoice up in the voucherlist before creating it again).
    public func create(
        _ invoice: Invoice,
        finalize: Bool = false,
        precedingSalesVoucherID: LexofficeID? = nil
    ) async throws -> ActionResult {
        try await operations.create(invoice, finalize: finalize, precedingSalesVoucherID: precedingSalesVoucherID)
    }

    /// Reads an invoice (closing invoices included).
    public func get(_ id: LexofficeID) async throws -> Invoice {
        try await operations.get(id)
    }

    /// Renders the PDF and returns its file id (deprecated by lexoffice since 13.08.2025; prefer ``file(_:format:)``).
    /// - Throws: ``LexofficeError/Code/validationFailed`` (406) for drafts.
    public func document(_ id: LexofficeID) async throws -> DocumentFileReference {
        try await operations.document(id)
    }

    /// Downloads the invoice: PDF, or the XRechnung XML (`.any`/`.xml` for XRechnung invoices).
    /// - Throws: ``LexofficeError/Code/conflict`` (409) for drafts, ``LexofficeError/Code/notFound`` when the
    ///   representation does not exist (XML of a non-XRechnung invoice).
    public func file(_ id: LexofficeID, format: DownloadFormat = .any) async throws -> FileDownload {
        try await operations.file(id, format: format)
    }
}
