import struct Foundation.Data

/// A file to upload to lexoffice (`POST /v1/files`, `POST /v1/vouchers/{id}/files`).
///
/// lexoffice needs the file name with its extension; accepted are PDF, JPG, PNG and XML (XML e-invoices only
/// if the organization has the e-invoice feature), up to 5 MB. Both are checked before anything is sent.
public struct FileUpload: Sendable, Hashable {
    /// The file extensions lexoffice accepts for vouchers, and the content type sent for each.
    public static let contentTypes: [String: String] = [
        "pdf": "application/pdf",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "png": "image/png",
        "xml": "application/xml",
    ]

    /// The file's bytes.
    public var data: Data
    /// The file name including its extension, e.g. `beleg-0815.pdf`.
    public var fileName: String

    /// Creates an upload.
    /// - Throws: ``LexofficeError/Code/invalidArgument`` when the file is empty or the name has no accepted
    ///   extension.
    public init(data: Data, fileName: String) throws {
        guard !data.isEmpty else {
            throw LexofficeError.invalidArgument(field: "file", detail: "the file is empty")
        }
        guard Self.contentTypes[Self.fileExtension(of: fileName)] != nil,
            !fileName.contains("\""), !fileName.contains("\r"), !fileName.contains("\n")
        else {
            throw LexofficeError.invalidArgument(
                field: "fileName",
                detail: "'\(fileName.prefix(60))' needs one of the extensions pdf, jpg, jpeg, png or xml"
            )
        }
        self.data = data
        self.fileName = fileName
    }

    /// The content type derived from the extension.
    public var contentType: String {
        Self.contentTypes[Self.fileExtension(of: fileName)] ?? "application/octet-stream"
    }

    /// Checks the size limit.
    func checkSize(limit: Int) throws {
        guard data.count <= limit else {
            throw LexofficeError.invalidArgument(
                field: "file",
                detail: "the file has \(data.count) bytes; lexoffice accepts at most \(limit) bytes (5 MB)"
            )
        }
    }

    private static func fileExtension(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
