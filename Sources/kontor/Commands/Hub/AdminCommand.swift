import ArgumentParser
import KontorCore
import KontorStore

/// `kontor admin token create [--tenant T]`: hub API tokens.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Administer the hub: API tokens.",
        subcommands: [Token.self]
    )

    /// `kontor admin token …`.
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Hub API tokens.", subcommands: [Create.self])

        /// `kontor admin token create`.
        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Create a hub API token and print it once (only its hash is stored).",
                discussion: "Without --tenant the token is a partner token for every tenant."
            )

            @OptionGroup var store: StoreOptions
            @Option(help: "Limit the token to this tenant (for a source application).") var tenant: String?
            @Option(help: "A name for people, e.g. the application that uses it.") var name: String = "cli"

            func run() async throws {
                let scope: APITokenScope = tenant.map { .tenant(TenantID($0)) } ?? .partner
                let (token, record) = try await store.withMigratedDatabase { database in
                    try await APITokenStore(database: database).create(scope: scope, name: name)
                }
                Console.current.line(token)
                Console.current.note("token \(record.id) created; it is shown only now — store it safely")
            }
        }
    }
}
