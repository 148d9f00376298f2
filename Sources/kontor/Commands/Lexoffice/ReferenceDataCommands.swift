import ArgumentParser
import LexofficeKit

/// `kontor lexoffice profile`: the connected organization.
struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Show the organization and connection the API key belongs to."
    )

    @OptionGroup var connection: LexofficeConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try output.show(try await connection.makeClient().profile())
    }
}

/// `kontor lexoffice countries`.
struct CountriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "countries",
        abstract: "List the countries lexoffice knows, with their tax classification."
    )

    @OptionGroup var connection: LexofficeConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try output.list(
            try await connection.makeClient().countries(),
            columns: [
                TableColumn("Code", "countryCode"), TableColumn("Name", "countryNameEN"),
                TableColumn("Name (de)", "countryNameDE"), TableColumn("Tax", "taxClassification"),
            ]
        )
    }
}

/// `kontor lexoffice payment-conditions`.
struct PaymentConditionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payment-conditions",
        abstract: "List the organization's payment conditions."
    )

    @OptionGroup var connection: LexofficeConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try output.list(
            try await connection.makeClient().paymentConditions(),
            columns: [
                TableColumn("Days", "paymentTermDuration"), TableColumn("Label", "paymentTermLabelTemplate"),
                TableColumn("Default", "organizationDefault"), TableColumn("ID", "id"),
            ]
        )
    }
}

/// `kontor lexoffice posting-categories`.
struct PostingCategoriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "posting-categories",
        abstract: "List the posting categories for bookkeeping voucher items."
    )

    @OptionGroup var connection: LexofficeConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try output.list(
            try await connection.makeClient().postingCategories(),
            columns: [
                TableColumn("Type", "type"), TableColumn("Group", "groupName"), TableColumn("Name", "name"),
                TableColumn("ID", "id"),
            ]
        )
    }
}

/// `kontor lexoffice print-layouts`.
struct PrintLayoutsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print-layouts",
        abstract: "List the print layouts for sales vouchers."
    )

    @OptionGroup var connection: LexofficeConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try output.list(
            try await connection.makeClient().printLayouts(),
            columns: [TableColumn("Name", "name"), TableColumn("Default", "default"), TableColumn("ID", "id")]
        )
    }
}
