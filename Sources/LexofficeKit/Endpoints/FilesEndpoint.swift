/// `/v1/files`: upload receipts (each creates a bookkeeping voucher) and download files.
public struct FilesEndpoint: Sendable {
    let executor: RequestExecutor

    /// Uploads a receipt (PDF, JPG, PNG, XML; ≤ 5 MB). lexoffice answers 202 and creates a voucher in status
    /// `blank`, `unchecked` after OCR. The same content uploaded twice returns the existing ids.
    /// - Throws: ``LexofficeError/Code/invalidArgument`` before sending for a file that is too large.
    public func upload(_ file: FileUpload, type: FileUploadType = .voucher) async throws -> FileUploadResult {
        try await executor.upload(file, to: "files", fields: [("type", type.rawValue)])
    }

    /// Downloads a file (bookkeeping voucher receipts; for sales vouchers this path is deprecated).
    public func download(_ id: LexofficeID, format: DownloadFormat = .any) async throws -> FileDownload {
        try await executor.download("files/\(id)", format: format)
    }
}

/// The `type` of an upload; lexoffice documents only `voucher`.
public struct FileUploadType: LexofficeEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A receipt for bookkeeping.
    public static let voucher: FileUploadType = "voucher"

    public static let documentedValues: [FileUploadType] = [.voucher]
}
