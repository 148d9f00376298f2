import NIOHTTP1

/// The operations all sales voucher endpoints share; the public endpoint types expose the subset each
/// document type supports.
struct SalesVoucherOperations<Document: Codable & Sendable>: Sendable {
    let executor: RequestExecutor
    /// The path segment, e.g. `invoices`.
    let resource: String

    func create(
        _ document: Document,
        finalize: Bool,
        precedingSalesVoucherID: LexofficeID?
    ) async throws -> ActionResult {
        var query: [QueryParameter] = []
        if let precedingSalesVoucherID {
            query.append(QueryParameter(name: "precedingSalesVoucherId", value: precedingSalesVoucherID.rawValue))
        }
        if finalize { query.append(QueryParameter(name: "finalize", value: "true")) }
        let request = try LexofficeRequest.json(.POST, resource, query: query, body: document)
        return try await executor.send(request, decoding: ActionResult.self)
    }

    func get(_ id: LexofficeID) async throws -> Document {
        try await executor.send(LexofficeRequest(method: .GET, path: "\(resource)/\(id)"), decoding: Document.self)
    }

    func document(_ id: LexofficeID) async throws -> DocumentFileReference {
        try await executor.send(
            LexofficeRequest(method: .GET, path: "\(resource)/\(id)/document"),
            decoding: DocumentFileReference.self
        )
    }

    func file(_ id: LexofficeID, format: DownloadFormat) async throws -> FileDownload {
        try await executor.download("\(resource)/\(id)/file", format: format)
    }
}
