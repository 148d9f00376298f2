import ArgumentParser
import LexofficeKit

/// `kontor lexoffice files upload|download`.
struct FilesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "files",
        abstract: "Upload receipts (each becomes a bookkeeping voucher) and download files.",
        subcommands: [Upload.self, Download.self]
    )

    /// `files upload FILE`.
    struct Upload: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upload a receipt (PDF, JPG, PNG or XML, at most 5 MB); prints the file and voucher ids."
        )

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The file to upload.")
        var file: String

        @Option(help: "The upload type (lexoffice documents only voucher).")
        var type: String = FileUploadType.voucher.rawValue

        func run() async throws {
            let upload = try FileUpload(readingFile: file)
            let client = try await connection.makeClient()
            try output.show(try await client.files.upload(upload, type: FileUploadType(rawValue: type)))
        }
    }

    /// `files download ID`.
    struct Download: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Download a file by its id.")

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var download: DownloadOptions

        @Argument(help: "The file's id.")
        var id: String

        func run() async throws {
            let id = try LexofficeID(id)
            let file = try await connection.makeClient().files.download(id, format: download.downloadFormat)
            try download.write(file, id: id, json: output.json)
        }
    }
}
