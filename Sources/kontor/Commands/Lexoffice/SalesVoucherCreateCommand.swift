import ArgumentParser
import LexofficeKit

/// `kontor lexoffice invoices|credit-notes|… create`: a sales voucher from JSON, a draft unless `--finalize`.
struct SalesVoucherCreateCommand<Kind: SalesVoucherKind>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "create",
            abstract: "Create a \(Kind.noun) from JSON (--data) and the flags; a draft unless --finalize.",
            discussion:
                "Example: kontor lexoffice \(Kind.commandName) create --data @draft.json --contact-id ID --finalize"
        )
    }

    @OptionGroup var connection: LexofficeConnectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var input: JSONInputOptions

    @Flag(help: "Create it finalized, with its number (lexoffice cannot finalize a draft later).")
    var finalize = false

    @Option(help: "The voucher this one follows, e.g. the quotation of an invoice or the invoice of a dunning.")
    var preceding: String?

    @Option(help: "The recipient's contact id (address.contactId).")
    var contactId: String?

    @Option(help: "The voucher date, yyyy-MM-dd (midnight in German time).")
    var voucherDate: String?

    @Option(help: "The title, e.g. Rechnung.")
    var title: String?

    func run() async throws {
        let client = try await connection.makeClient()
        // `create` is a subcommand only of kinds whose endpoint creates (see SalesVoucherCommand).
        guard let endpoint = Kind.endpoint(of: client) as? any SalesVoucherCreating else { return }
        try output.show(try await create(with: endpoint))
    }

    private func create<Endpoint: SalesVoucherCreating>(with endpoint: Endpoint) async throws -> ActionResult {
        if finalize, !Endpoint.canFinalize {
            throw CommandFailure("\(Kind.noun)s are always created as drafts: leave out --finalize", status: .usage)
        }
        if preceding != nil, Endpoint.precedingVoucher == .never {
            throw CommandFailure("a \(Kind.noun) cannot follow another voucher: leave out --preceding", status: .usage)
        }
        var document = try input.object() ?? .object([:])
        if let contactId { document.set(.string(try LexofficeID(contactId).rawValue), at: "address.contactId") }
        if let title { document.set(.string(title), at: "title") }
        if let voucherDate {
            let midnight = LexofficeDateTime(localMidnightOf: try PlainDate(voucherDate))
            document.set(try JSONValue(encoding: midnight), at: "voucherDate")
        }
        return try await endpoint.create(
            try document.decoded(as: Endpoint.Document.self),
            finalize: finalize,
            precedingSalesVoucherID: try preceding.map(LexofficeID.init)
        )
    }
}
