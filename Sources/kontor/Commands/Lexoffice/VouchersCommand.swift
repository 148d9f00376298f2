import ArgumentParser
import Foundation
import LexofficeKit

/// `kontor lexoffice vouchers …`: the voucherlist (every kind of voucher) and bookkeeping vouchers.
struct VouchersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vouchers",
        abstract: "Find any voucher in the voucherlist; read, create, update bookkeeping vouchers and attach files.",
        subcommands: [
            Search.self, List.self, Get.self, VoucherCreateCommand.self, VoucherUpdateCommand.self,
            VoucherAttachFileCommand.self,
        ]
    )

    /// `vouchers search --number N`.
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find vouchers of any kind and status by their voucher number."
        )

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions

        @Option(help: "The voucher number, e.g. RE0042.")
        var number: String

        func run() async throws {
            let filter = VoucherListFilter(voucherTypes: .any, voucherStatuses: .any, voucherNumber: number)
            let listing = PagedListing(limit: nil, noun: "vouchers")
            let client = try await connection.makeClient()
            let items = try await listing.collect(try client.voucherList.pages(filter, pageSize: listing.pageSize))
            try output.list(items, columns: VoucherListColumns.all)
        }
    }

    /// `vouchers list`: the voucherlist with its filters.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List vouchers of any kind from the voucherlist.",
            discussion: "Example: kontor lexoffice vouchers list --type invoice --status open --sort voucherDate,desc"
        )

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions

        @Option(
            name: .customLong("type"),
            help: "Voucher types, e.g. invoice,creditnote,salesinvoice (repeatable; default: any)."
        )
        var types: [String] = []

        @Option(name: .customLong("status"), help: "Statuses, e.g. open,paid or overdue (repeatable; default: any).")
        var statuses: [String] = []

        @Option(help: "true: only archived vouchers; false: only active ones (default: both).")
        var archived: Bool?

        @Option(help: "Only vouchers of this contact.")
        var contactId: String?

        @Option(help: "First voucher date, yyyy-MM-dd.")
        var from: String?

        @Option(help: "Last voucher date, yyyy-MM-dd.")
        var to: String?

        @Option(
            help: "PROPERTY or PROPERTY,asc|desc; properties: voucherDate, voucherNumber, createdDate, updatedDate."
        )
        var sort: String?

        @Option(help: "Stop after this many vouchers.")
        var limit: Int?

        func run() async throws {
            let filter = VoucherListFilter(
                voucherTypes: Self.selection(types),
                voucherStatuses: Self.selection(statuses),
                archived: archived,
                contactID: try contactId.map(LexofficeID.init),
                voucherDateFrom: try from.map(PlainDate.init),
                voucherDateTo: try to.map(PlainDate.init)
            )
            let listing = PagedListing(limit: limit, noun: "vouchers")
            let pages = try await connection.makeClient().voucherList.pages(
                filter,
                sort: try sort.map { try ListSort<VoucherListSortProperty>(argument: $0) },
                pageSize: listing.pageSize
            )
            try output.list(try await listing.collect(pages), columns: VoucherListColumns.all)
        }

        /// `a,b` and repeated flags as one selection; none means any.
        private static func selection<Value: LexofficeEnum>(_ values: [String]) -> VoucherListFilter.Selection<Value> {
            let values = values.flatMap { $0.split(separator: ",") }.map { Value(rawValue: String($0)) }
            return values.isEmpty ? .any : .only(values)
        }
    }

    /// `vouchers get ID`: a bookkeeping voucher.
    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a bookkeeping voucher (sales vouchers: use invoices get, credit-notes get …)."
        )

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The voucher's id.")
        var id: String

        func run() async throws {
            try output.show(try await connection.makeClient().vouchers.get(try LexofficeID(id)))
        }
    }
}
