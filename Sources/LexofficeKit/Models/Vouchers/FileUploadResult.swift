/// The answer of a file upload (`POST /v1/files`, `POST /v1/vouchers/{id}/files`, status 202).
///
/// A file whose content was uploaded before returns the existing ids; the new upload is discarded.
public struct FileUploadResult: Codable, Hashable, Sendable {
    /// The file's id.
    public var id: LexofficeID
    /// The bookkeeping voucher the upload created (status `blank` while OCR runs); absent for voucher attachments.
    ///
    /// Sent since 03.03.2025.
    public var voucherId: LexofficeID?

    /// Creates an upload result (simulators and tests).
    public init(id: LexofficeID, voucherId: LexofficeID? = nil) {
        self.id = id
        self.voucherId = voucherId
    }
}
