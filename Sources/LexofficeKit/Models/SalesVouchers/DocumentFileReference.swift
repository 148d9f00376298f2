/// The id of a sales voucher's rendered PDF, downloadable through `GET /v1/files/{id}`.
///
/// Returned by the deprecated `GET /v1/{type}/{id}/document` endpoints and used as the deprecated `files`
/// property (both deprecated since 13.08.2025; use `GET /v1/{type}/{id}/file`).
public struct DocumentFileReference: Codable, Hashable, Sendable {
    /// The file id.
    public var documentFileId: LexofficeID

    /// Creates a file reference (simulators and tests).
    public init(documentFileId: LexofficeID) {
        self.documentFileId = documentFileId
    }
}
