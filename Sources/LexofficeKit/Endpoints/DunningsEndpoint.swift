/// `/v1/dunnings`: create a dunning for an invoice or down payment invoice, read and download it.
/// Dunnings are always drafts (`finalize` has no effect, so it is not offered).
public struct DunningsEndpoint: Sendable {
    let operations: SalesVoucherOperations<Dunning>

    /// Creates a dunning for the (down payment) invoice `precedingSalesVoucherID`. Its contact and tax
    /// conditions must match the invoice's.
    public func create(_ dunning: Dunning, precedingSalesVoucherID: LexofficeID) async throws -> ActionResult {
        try await operations.create(dunning, finalize: false, precedingSalesVoucherID: precedingSalesVoucherID)
    }

    /// Reads a dunning.
    public func get(_ id: LexofficeID) async throws -> Dunning {
        try await operations.get(id)
    }

    /// Renders the PDF and returns its file id (deprecated by lexoffice; works for dunnings although drafts).
    public func document(_ id: LexofficeID) async throws -> DocumentFileReference {
        try await operations.document(id)
    }

    /// Downloads the PDF.
    public func file(_ id: LexofficeID, format: DownloadFormat = .any) async throws -> FileDownload {
        try await operations.file(id, format: format)
    }
}
