import NIOHTTP1

extension RequestExecutor {
    /// Downloads a binary resource with the chosen `Accept` representation.
    func download(_ path: String, format: DownloadFormat) async throws -> FileDownload {
        var request = LexofficeRequest(method: .GET, path: path)
        request.accept = format.mediaType
        let response = try await send(request)
        return FileDownload(
            data: response.body,
            contentType: response.header("Content-Type"),
            fileName: FileDownload.fileName(fromContentDisposition: response.header("Content-Disposition"))
        )
    }

    /// Uploads a file as multipart form data, with extra text fields (e.g. `type=voucher`).
    func upload(_ file: FileUpload, to path: String, fields: [(String, String)]) async throws -> FileUploadResult {
        try file.checkSize(limit: configuration.maxUploadBytes)
        var form = MultipartFormData()
        form.addFile(name: "file", fileName: file.fileName, contentType: file.contentType, data: file.data)
        for (name, value) in fields { form.addField(name: name, value: value) }
        form.finish()
        let request = LexofficeRequest(method: .POST, path: path, body: form.body, contentType: form.contentType)
        return try await send(request, decoding: FileUploadResult.self)
    }
}
