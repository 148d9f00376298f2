import ArgumentParser
import LexofficeKit

/// `kontor lexoffice recurring-templates list|get`: the invoice templates lexoffice runs on a schedule.
struct RecurringTemplatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recurring-templates",
        abstract: "Recurring invoice templates (read-only in lexoffice): list, get.",
        subcommands: [List.self, Get.self]
    )

    /// `recurring-templates list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List recurring templates.")

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions

        @Option(help: "PROPERTY or PROPERTY,asc|desc; createdDate, updatedDate, lastExecutionDate, nextExecutionDate.")
        var sort: String?

        @Option(help: "Stop after this many templates.")
        var limit: Int?

        func run() async throws {
            let listing = PagedListing(limit: limit, noun: "templates")
            let pages = try await connection.makeClient().recurringTemplates.pages(
                sort: try sort.map { try ListSort<RecurringTemplateSortProperty>(argument: $0) },
                pageSize: listing.pageSize
            )
            try output.list(
                try await listing.collect(pages),
                columns: [
                    TableColumn("Title", "title"), TableColumn("Recipient", "address.name"),
                    TableColumn("Interval", "recurringTemplateSettings.executionInterval"),
                    TableColumn("Next", "recurringTemplateSettings.nextExecutionDate"),
                    TableColumn("Gross", "totalPrice.totalGrossAmount"), TableColumn("ID", "id"),
                ]
            )
        }
    }

    /// `recurring-templates get ID`.
    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a recurring template.")

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The template's id.")
        var id: String

        func run() async throws {
            try output.show(try await connection.makeClient().recurringTemplates.get(try LexofficeID(id)))
        }
    }
}
