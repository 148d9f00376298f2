/// `/v1/order-confirmations`: create (optionally from a quotation), read and download order confirmations.
public struct OrderConfirmationsEndpoint: Sendable {
    let operations: SalesVoucherOperations<OrderConfirmation>

    /// Creates an order confirmation; a draft unless `finalize`.
    /// - Parameter precedingSalesVoucherID: the quotation it follows (406 with optional/alternative items).
    public func create(
        _ orderConfirmation: OrderConfirmation,
        finalize: Bool = false,
        precedingSalesVoucherID: LexofficeID? = nil
    ) async throws -> ActionResult {
        try await operations.create(
            orderConfirmation,
            finalize: finalize,
            precedingSalesVoucherID: precedingSalesVoucherID
        )
    }

    /// Reads an order confirmation.
    public func get(_ id: LexofficeID) async throws -> OrderConfirmation {
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
