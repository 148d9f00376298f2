import ArgumentParser
import Foundation
import LexofficeKit

/// `kontor lexoffice articles …`: products and services.
struct ArticlesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "Products and services: list, get, create, update, delete.",
        subcommands: [List.self, Get.self, Create.self, Update.self, Delete.self]
    )

    /// `articles list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List articles, optionally filtered.")

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions

        @Option(help: "Only this article number (exact).")
        var articleNumber: String?

        @Option(help: "Only this GTIN.")
        var gtin: String?

        @Option(help: "Only PRODUCT or SERVICE.")
        var type: String?

        @Option(help: "Stop after this many articles.")
        var limit: Int?

        func run() async throws {
            let filter = ArticleFilter(
                articleNumber: articleNumber,
                gtin: gtin,
                type: type.map { ArticleType(rawValue: $0.uppercased()) }
            )
            let listing = PagedListing(limit: limit, noun: "articles")
            let client = try await connection.makeClient()
            let articles = try await listing.collect(try client.articles.pages(filter, pageSize: listing.pageSize))
            try output.list(
                articles,
                columns: [
                    TableColumn("Number", "articleNumber"), TableColumn("Title", "title"), TableColumn("Type", "type"),
                    TableColumn("Net", "price.netPrice"), TableColumn("Gross", "price.grossPrice"),
                    TableColumn("Unit", "unitName"), TableColumn("ID", "id"),
                ]
            )
        }
    }

    /// `articles get ID`.
    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an article.")

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The article's id.")
        var id: String

        func run() async throws {
            try output.show(try await connection.makeClient().articles.get(try LexofficeID(id)))
        }
    }

    /// `articles create`: from JSON and/or flags.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an article from JSON (--data) and/or the field flags; prints the new id.",
            discussion: "Example: kontor lexoffice articles create --title Schlauch --type PRODUCT --unit Stück "
                + "--net-price 4.20 (tax rate 19 % unless --tax-rate)"
        )

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var input: JSONInputOptions
        @OptionGroup var fields: ArticleFields

        func run() async throws {
            var document = try input.object() ?? .object([:])
            fields.apply(to: &document)
            if document.value(at: "price") != nil, document.value(at: "price.taxRate") == nil {
                document.set(.number(19), at: "price.taxRate")
            }
            let article = try document.decoded(as: Article.self)
            try output.show(try await connection.makeClient().articles.create(article))
        }
    }

    /// `articles update ID`: reads the article, merges the changes, writes it back.
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change an article: reads its current version, applies --data (a JSON merge patch) and flags."
        )

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var input: JSONInputOptions
        @OptionGroup var fields: ArticleFields

        @Argument(help: "The article's id.")
        var id: String

        @Option(help: "Send this version instead of the current one: lexoffice refuses (409) if it changed since.")
        var ifVersion: Int?

        func run() async throws {
            let id = try LexofficeID(id)
            let client = try await connection.makeClient()
            let current = try await client.articles.get(id)
            let patched = try input.patched(current, version: ifVersion ?? current.version, fields: fields.apply)
            try output.show(try await client.articles.update(patched, id: id))
        }
    }

    /// `articles delete ID…`.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete articles.")

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The articles' ids.")
        var ids: [String]

        func run() async throws {
            let client = try await connection.makeClient()
            let ids = try ids.map(LexofficeID.init)
            for id in ids { try await client.articles.delete(id) }
            try output.report("deleted \(ids.count) article(s)", json: ["deleted": ids.map(\.rawValue)])
        }
    }
}
