import ArgumentParser
import LexofficeKit

/// `kontor lexoffice invoices|credit-notes|… create|get|render|download`: one sales voucher type.
struct SalesVoucherCommand<Kind: SalesVoucherKind>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        let commands = subcommands
        return CommandConfiguration(
            commandName: Kind.commandName,
            abstract: "\(Kind.noun.prefix(1).uppercased() + Kind.noun.dropFirst())s: "
                + commands.map(\.name).joined(separator: ", ") + " (to list them: vouchers list --type …).",
            subcommands: commands.map(\.type)
        )
    }

    /// What lexoffice offers for the kind: every kind is read and downloaded; most are created and rendered.
    private static var subcommands: [(name: String, type: any ParsableCommand.Type)] {
        var commands: [(name: String, type: any ParsableCommand.Type)] = []
        if Kind.Endpoint.self is any SalesVoucherCreating.Type {
            commands.append((name: "create", type: SalesVoucherCreateCommand<Kind>.self))
        }
        commands.append((name: "get", type: Get.self))
        if Kind.Endpoint.self is any SalesVoucherRendering.Type { commands.append((name: "render", type: Render.self)) }
        return commands + [(name: "download", type: Download.self)]
    }

    /// `get ID`.
    struct Get: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: "Show a \(Kind.noun).")
        }

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The id.")
        var id: String

        func run() async throws {
            try output.show(try await Kind.endpoint(of: try await connection.makeClient()).get(try LexofficeID(id)))
        }
    }

    /// `render ID`: lexoffice's `/document`, optionally downloading the rendered PDF.
    struct Render: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: "Render the \(Kind.noun)'s PDF (lexoffice's /document) and print its file id.",
                discussion: "With --output (or -o -) the rendered PDF is downloaded too. Drafts cannot be rendered."
            )
        }

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions

        @Option(name: [.customShort("o"), .long], help: "Also download the PDF to this file (- for standard output).")
        var file: String?

        @Argument(help: "The id.")
        var id: String

        func run() async throws {
            let client = try await connection.makeClient()
            // Render is a subcommand only of kinds whose endpoint renders (see `configuration`).
            guard let endpoint = Kind.endpoint(of: client) as? any SalesVoucherRendering else { return }
            let reference = try await endpoint.document(try LexofficeID(id))
            guard let file else {
                try output.report("document file \(reference.documentFileId)", json: reference)
                return
            }
            let download = try await client.files.download(reference.documentFileId, format: .pdf)
            try DownloadOptions.write(download, to: file, id: reference.documentFileId, json: output.json)
        }
    }

    /// `download ID`: the document's file (`/file`).
    struct Download: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: "Download the \(Kind.noun) (PDF, or the XML of an XRechnung); drafts have no file."
            )
        }

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var download: DownloadOptions

        @Argument(help: "The id.")
        var id: String

        func run() async throws {
            let id = try LexofficeID(id)
            let endpoint = Kind.endpoint(of: try await connection.makeClient())
            let file = try await endpoint.file(id, format: download.downloadFormat)
            try download.write(file, id: id, json: output.json)
        }
    }
}
