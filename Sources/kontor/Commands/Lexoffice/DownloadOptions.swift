import ArgumentParser
import Foundation
import LexofficeKit

/// `--output` and `--format` of the download commands, and writing what was downloaded.
struct DownloadOptions: ParsableArguments {
    @Option(
        name: [.customShort("o"), .long],
        help: "Where to write the file; - for standard output (default: lexoffice's file name, or ID.pdf)."
    )
    var output: String?

    @Option(help: "any (lexoffice's default: XML for XRechnung invoices, else PDF), pdf, xml, jpeg or png.")
    var format: String = "any"

    func validate() throws {
        guard Self.formats[format.lowercased()] != nil else {
            throw ValidationError("--format must be one of any, pdf, xml, jpeg, png")
        }
    }

    /// The representation to ask lexoffice for.
    var downloadFormat: DownloadFormat { Self.formats[format.lowercased()] ?? .any }

    private static let formats: [String: DownloadFormat] = [
        "any": .any, "pdf": .pdf, "xml": .xml, "jpeg": .jpeg, "jpg": .jpeg, "png": .png,
    ]

    /// Writes `file` where `--output` says and reports it.
    func write(_ file: FileDownload, id: LexofficeID, json: Bool) throws {
        try Self.write(file, to: output, id: id, json: json)
    }

    /// Writes `file` to `output` (`-`: standard output; `nil`: lexoffice's file name, or `ID.pdf`) and reports
    /// the path, size and type unless the file went to standard output.
    static func write(_ file: FileDownload, to output: String?, id: LexofficeID, json: Bool) throws {
        let console = Console.current
        guard output != "-" else {
            console.writeOutput(file.data)
            return
        }
        let path = output ?? file.fileName.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "\(id).pdf"
        do {
            try file.data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
        }
        let summary = DownloadSummary(path: path, bytes: file.data.count, contentType: file.contentType)
        if json {
            console.writeOutput(try OutputOptions.prettyJSON(summary))
        } else {
            console.line("wrote \(path) (\(summary.bytes) bytes, \(file.contentType ?? "unknown type"))")
        }
    }
}

/// What `--json` prints after a download.
struct DownloadSummary: Encodable {
    let path: String
    let bytes: Int
    let contentType: String?
}
