import ArgumentParser
import LexofficeKit

/// `kontor lexoffice payments get VOUCHER_ID`.
struct PaymentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payments",
        abstract: "The payment status of a voucher (read-only in lexoffice).",
        subcommands: [Get.self]
    )

    /// `payments get VOUCHER_ID`.
    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the open amount and the payments of a voucher (406 for drafts)."
        )

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The id of the invoice, credit note or bookkeeping voucher.")
        var voucherId: String

        func run() async throws {
            try output.show(try await connection.makeClient().payments(ofVoucher: try LexofficeID(voucherId)))
        }
    }
}
