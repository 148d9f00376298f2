import ArgumentParser
import Foundation
import KontorCore
import KontorServer
import KontorStore

/// `kontor admin token create|list|revoke`, `kontor admin user create|passwd|list`, `kontor admin sign-in-link`.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Administer the hub: API tokens, web console users and sign-in links.",
        subcommands: [Token.self, ConsoleUserCommand.self, SignInLinkCommand.self]
    )

    /// `kontor admin token …`.
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hub API tokens.",
            subcommands: [Create.self, List.self, Revoke.self]
        )

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

        /// `kontor admin token list`.
        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List hub API tokens, oldest first, revoked ones included (never their secrets)."
            )

            @OptionGroup var store: StoreOptions
            @Flag(help: "Print JSON (as GET /api/v1/tokens lists them).") var json = false

            func run() async throws {
                let records = try await store.withMigratedDatabase { database in
                    try await APITokenStore(database: database).list()
                }
                if json {
                    Console.current.line(try HubJSON.encode(records.map { APITokenRepresentation($0) }))
                    return
                }
                Console.current.line("ID\tNAME\tSCOPE\tCREATED\tREVOKED")
                for record in records {
                    let scope =
                        switch record.scope {
                        case .partner: "partner"
                        case .tenant(let tenant): "tenant \(tenant)"
                        }
                    Console.current.line(
                        "\(record.id)\t\(record.name)\t\(scope)\t\(record.createdAt.formatted(.iso8601))\t\(record.revokedAt?.formatted(.iso8601) ?? "-")"
                    )
                }
            }
        }

        /// `kontor admin token revoke ID`.
        struct Revoke: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Revoke a hub API token: it is refused from then on.",
                discussion: """
                    A running hub refuses it at once when revoked through its API (DELETE /api/v1/tokens/ID); \
                    revoked here, within a second (hubs keep a checked token that long).
                    """
            )

            @OptionGroup var store: StoreOptions
            @Argument(help: "The token's id (the part between 'kt_' and the dot; see 'kontor admin token list').")
            var id: String

            func run() async throws {
                let revokedNow = try await store.withMigratedDatabase { database in
                    let tokens = APITokenStore(database: database)
                    if try await tokens.revoke(id) { return true }
                    guard try await tokens.token(id) != nil else {
                        throw CommandFailure("there is no API token '\(id)'", status: .usage)
                    }
                    return false
                }
                Console.current.line(revokedNow ? "token \(id) revoked" : "token \(id) was already revoked")
            }
        }
    }
}
