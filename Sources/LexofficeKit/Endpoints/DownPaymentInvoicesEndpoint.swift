/// `/v1/down-payment-invoices` (read-only): down payment invoices are created in the lexoffice web app.
public struct DownPaymentInvoicesEndpoint: Sendable {
    let operations: SalesVoucherOperations<DownPaymentInvoice>

    /// Reads a down payment invoice.
    public func get(_ id: LexofficeID) async throws -> DownPaymentInvoice {
        try await operations.get(id)
    }

    /// Downloads the document (409 for drafts).
    public func file(_ id: LexofficeID, format: DownloadFormat = .any) async throws -> FileDownload {
        try await operations.file(id, format: format)
    }
}
