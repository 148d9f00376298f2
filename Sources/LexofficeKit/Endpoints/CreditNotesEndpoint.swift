/// `/v1/credit-notes`: create (standalone or linked to an invoice), read and download credit notes.
public struct CreditNotesEndpoint: Sendable {
    let operations: SalesVoucherOperations<CreditNote>

    /// Creates a credit note; a draft unless `finalize`.
    /// - Parameter precedingSalesVoucherID: the invoice it refers to. A finalized linked credit note is
    ///   `paidoff` at once and reduces the invoice's open amount; only one credit note per invoice, and not for
    ///   draft or closing invoices (406).
    public func create(
        _ creditNote: CreditNote,
        finalize: Bool = false,
        precedingSalesVoucherID: LexofficeID? = nil
    ) async throws -> ActionResult {
        try await operations.create(
            creditNote,
            finalize: finalize,
            precedingSalesVoucherID: precedingSalesVoucherID
        )
    }

    /// Reads a credit note.
    public func get(_ id: LexofficeID) async throws -> CreditNote {
        try await operations.get(id)
    }

    /// Renders the PDF and returns its file id (deprecated by lexoffice; prefer ``file(_:format:)``).
    public func document(_ id: LexofficeID) async throws -> DocumentFileReference {
        try await operations.document(id)
    }

    /// Downloads the credit note (409 for drafts).
    public func file(_ id: LexofficeID, format: DownloadFormat = .any) async throws -> FileDownload {
        try await operations.file(id, format: format)
    }
}
