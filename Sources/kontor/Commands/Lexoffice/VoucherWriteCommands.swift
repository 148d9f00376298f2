import ArgumentParser
import Foundation
import LexofficeKit

/// `vouchers create`: a bookkeeping voucher from JSON and/or flags, optionally with its receipt.
struct VoucherCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a bookkeeping voucher from JSON (--data, with voucherItems) and the field flags.",
        discussion:
            "Example: kontor lexoffice vouchers create --data @voucher.json --number RE-2026-17 --attach re17.pdf"
    )

    @OptionGroup var connection: LexofficeConnectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var input: JSONInputOptions
    @OptionGroup var fields: VoucherFields

    @Option(help: "A receipt (PDF, JPG, PNG or XML) to attach once the voucher exists.")
    var attach: String?

    func run() async throws {
        var document = try input.object() ?? .object([:])
        fields.apply(to: &document)
        let voucher = try document.decoded(as: Voucher.self)
        let upload = try attach.map(FileUpload.init(readingFile:))
        let client = try await connection.makeClient()
        let result = try await client.vouchers.create(voucher)
        if let upload {
            let file = try await client.vouchers.attachFile(upload, to: result.id)
            Console.current.note("attached \(upload.fileName) as file \(file.id)")
        }
        try output.show(result)
    }
}

/// `vouchers update ID`: reads the voucher, merges the changes, writes it back.
struct VoucherUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract:
            "Change a bookkeeping voucher: reads its current version, applies --data (a JSON merge patch) and flags.",
        discussion: "Files left out of a replaced \"files\" list are deleted by lexoffice."
    )

    @OptionGroup var connection: LexofficeConnectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var input: JSONInputOptions
    @OptionGroup var fields: VoucherFields

    @Argument(help: "The voucher's id.")
    var id: String

    @Option(help: "Send this version instead of the current one: lexoffice refuses (409) if it changed since.")
    var ifVersion: Int?

    func run() async throws {
        let id = try LexofficeID(id)
        let client = try await connection.makeClient()
        let current = try await client.vouchers.get(id)
        let patched = try input.patched(current, version: ifVersion ?? current.version, fields: fields.apply)
        try output.show(try await client.vouchers.update(patched, id: id))
    }
}

/// `vouchers attach-file ID FILE`.
struct VoucherAttachFileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach-file",
        abstract: "Attach a receipt (PDF, JPG, PNG or XML, at most 5 MB) to a bookkeeping voucher."
    )

    @OptionGroup var connection: LexofficeConnectionOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The voucher's id.")
    var id: String

    @Argument(help: "The file to attach.")
    var file: String

    func run() async throws {
        let id = try LexofficeID(id)
        let upload = try FileUpload(readingFile: file)
        try output.show(try await connection.makeClient().vouchers.attachFile(upload, to: id))
    }
}
