/// `/v1/quotations`: create, read and download quotations. Quotations cannot be created by pursuing.
public struct QuotationsEndpoint: Sendable {
    let operations: SalesVoucherOperations<Quotation>

    /// Creates a quotation; a draft unless `finalize`.
    public func create(_ quotation: Quotation, finalize: Bool = false) async throws -> ActionResult {
        try await operations.create(quotation, finalize: finalize, precedingSalesVoucherID: nil)
    }

    /// Reads a quotation.
    public func get(_ id: LexofficeID) async throws -> Quotation {
        try await operations.get(id)
    }

    /// Renders the PDF and returns its file id (deprecated by lexoffice; prefer ``file(_:format:)``).
    public func document(_ id: LexofficeID) async throws -> DocumentFileReference {
        try await operations.document(id)
    }

    /// Downloads the PDF (`.any` or `.pdf`; 409 for drafts).
    public func file(_ id: LexofficeID, format: DownloadFormat = .any) async throws -> FileDownload {
        try await operations.file(id, format: format)
    }
}
