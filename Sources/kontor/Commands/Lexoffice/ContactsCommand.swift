import ArgumentParser
import Foundation
import LexofficeKit

/// `kontor lexoffice contacts …`: search, read, create and update customers and vendors.
struct ContactsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "Customers and vendors: search, get, create, update (lexoffice cannot delete contacts).",
        subcommands: [Search.self, Get.self, Create.self, Update.self]
    )

    /// The columns of a contact listing.
    static let columns = [
        TableColumn("Customer", "roles.customer.number"),
        TableColumn("Vendor", "roles.vendor.number"),
        TableColumn("Name") { contact in
            contact.value(at: "company.name")?.cellText
                ?? [contact.value(at: "person.firstName"), contact.value(at: "person.lastName")]
                .compactMap { $0?.cellText }.joined(separator: " ")
        },
        TableColumn("E-mail") { contact in
            ["business", "office", "private", "other"].lazy
                .compactMap { contact.value(at: "emailAddresses.\($0).0")?.cellText }.first ?? ""
        },
        TableColumn("ID", "id"),
    ]

    /// `contacts search`: contacts matching all given filters.
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search contacts by name, e-mail or number (all contacts without filters).",
            discussion: "Name and e-mail match substrings of at least 3 characters; _ and % are wildcards."
        )

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions

        @Option(help: "Part of the company or person name.")
        var name: String?

        @Option(help: "Part of an e-mail address.")
        var email: String?

        @Option(help: "A customer or vendor number.")
        var number: Int?

        @Flag(help: "Only customers.")
        var customer = false

        @Flag(help: "Only vendors.")
        var vendor = false

        @Option(help: "Stop after this many contacts.")
        var limit: Int?

        func run() async throws {
            let filter = ContactFilter(
                email: email,
                name: name,
                number: number,
                customer: customer ? true : nil,
                vendor: vendor ? true : nil
            )
            let listing = PagedListing(limit: limit, noun: "contacts")
            let client = try await connection.makeClient()
            let contacts = try await listing.collect(try client.contacts.pages(filter, pageSize: listing.pageSize))
            try output.list(contacts, columns: ContactsCommand.columns)
        }
    }

    /// `contacts get ID`.
    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a contact.")

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The contact's id.")
        var id: String

        func run() async throws {
            try output.show(try await connection.makeClient().contacts.get(try LexofficeID(id)))
        }
    }

    /// `contacts create`: from JSON and/or flags.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a contact from JSON (--data) and/or the field flags; prints the new id.",
            discussion:
                "Example: kontor lexoffice contacts create --company 'Radhaus Nord GmbH' --email a@b.de --customer"
        )

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var input: JSONInputOptions
        @OptionGroup var fields: ContactFields

        func run() async throws {
            var document = try input.object() ?? .object([:])
            fields.apply(to: &document)
            if document.value(at: "version") == nil { document.set(.number(0), at: "version") }
            guard document.value(at: "roles.customer") != nil || document.value(at: "roles.vendor") != nil else {
                throw CommandFailure(
                    "a contact needs --customer and/or --vendor (or roles in the JSON)",
                    status: .usage
                )
            }
            let contact = try document.decoded(as: Contact.self)
            try output.show(try await connection.makeClient().contacts.create(contact))
        }
    }

    /// `contacts update ID`: reads the contact, merges the changes, writes it back.
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a contact: reads its current version, applies --data (a JSON merge patch) and flags.",
            discussion: "Example: kontor lexoffice contacts update ID --email new@b.de --data '{\"note\": null}'"
        )

        @OptionGroup var connection: LexofficeConnectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var input: JSONInputOptions
        @OptionGroup var fields: ContactFields

        @Argument(help: "The contact's id.")
        var id: String

        @Option(help: "Send this version instead of the current one: lexoffice refuses (409) if it changed since.")
        var ifVersion: Int?

        func run() async throws {
            let id = try LexofficeID(id)
            let client = try await connection.makeClient()
            let current = try await client.contacts.get(id)
            let patched = try input.patched(current, version: ifVersion ?? current.version, fields: fields.apply)
            try output.show(try await client.contacts.update(patched, id: id))
        }
    }
}
