/// `/v1/delivery-notes`: create (optionally from a quotation, order confirmation or invoice), read, download.
public struct DeliveryNotesEndpoint: Sendable {
    let operations: SalesVoucherOperations<DeliveryNote>

    /// Creates a delivery note; a draft unless `finalize`.
    /// - Parameter precedingSalesVoucherID: the quotation, order confirmation (not a draft) or invoice it
    ///   belongs to.
    public func create(
        _ deliveryNote: DeliveryNote,
        finalize: Bool = false,
        precedingSalesVoucherID: LexofficeID? = nil
    ) async throws -> ActionResult {
        try await operations.create(
            deliveryNote,
            finalize: finalize,
            precedingSalesVoucherID: precedingSalesVoucherID
        )
    }

    /// Reads a delivery note.
    public func get(_ id: LexofficeID) async throws -> DeliveryNote {
        try await operations.get(id)
    }

    /// Renders the PDF and returns its file id (deprecated by lexoffice; 406 for drafts).
    public func document(_ id: LexofficeID) async throws -> DocumentFileReference {
        try await operations.document(id)
    }

    /// Downloads the PDF (409 for drafts).
    public func file(_ id: LexofficeID, format: DownloadFormat = .any) async throws -> FileDownload {
        try await operations.file(id, format: format)
    }
}
