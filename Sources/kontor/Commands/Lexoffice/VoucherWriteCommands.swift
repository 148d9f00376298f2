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

    @Option(help: "salesinvoice, salescreditnote, purchaseinvoice or purchasecreditnote.")
    var type: String?

    @Option(help: "The voucher number (your own, e.g. the shop's order number).")
    var number: String?

    @Option(help: "The voucher date, yyyy-MM-dd.")
    var date: String?

    @Option(help: "The due date, yyyy-MM-dd.")
    var dueDate: String?

    @Option(help: "The contact's id.")
    var contactId: String?

    @Flag(help: "Book against the collective customer or vendor.")
    var collectiveContact = false

    @Option(help: "net or gross: whether the item amounts include tax.")
    var taxType: String?

    @Option(help: "A remark.")
    var remark: String?

    @Option(help: "A receipt (PDF, JPG, PNG or XML) to attach once the voucher exists.")
    var attach: String?

    func run() async throws {
        var document = try input.object() ?? .object([:])
        let strings = [
            ("type", type), ("voucherNumber", number), ("voucherDate", date), ("dueDate", dueDate),
            ("contactId", contactId), ("taxType", taxType), ("remark", remark),
        ]
        for (path, value) in strings { if let value { document.set(.string(value), at: path) } }
        if collectiveContact { document.set(.bool(true), at: "useCollectiveContact") }
        let voucher = try document.decoded(as: Voucher.self)
        let upload = try attach.map(FileUpload.init(readingFile:))
        let client = try connection.makeClient()
        let result = try await client.vouchers.create(voucher)
        if let upload {
            let file = try await client.vouchers.attachFile(upload, to: result.id)
            Console.current.note("attached \(upload.fileName) as file \(file.id)")
        }
        try output.show(result)
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
