import ArgumentParser
import Foundation
import KontorCore
import KontorServer
import KontorStore

/// `kontor admin user create|passwd|list`: the web console's users.
struct ConsoleUserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Web console users: partner users (every tenant) and tenant users (one tenant).",
        subcommands: [Create.self, Passwd.self, List.self]
    )

    /// `kontor admin user create NAME`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a console user; the password is read from standard input (one line).",
            discussion:
                "Without --tenant the user is a partner user. With --no-password the user signs in by link only."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The user name: 1–64 of a-z, 0-9, '.', '_', '-', '@'.") var username: String
        @Option(help: "Limit the user to this tenant.") var tenant: String?
        @Flag(help: "Create the user without a password (sign in with 'kontor admin sign-in-link').")
        var noPassword = false

        func run() async throws {
            let name = username.lowercased()
            guard ConsoleUserStore.isValidUsername(name) else {
                throw CommandFailure("'\(username)' is not a valid user name", status: .usage)
            }
            let hash = noPassword ? nil : try await ConsolePassword.hash(try PasswordInput.read())
            let scope: APITokenScope = tenant.map { .tenant(TenantID($0)) } ?? .partner
            let user = try await store.withMigratedDatabase { database in
                do {
                    return try await ConsoleUserStore(database: database)
                        .create(username: name, scope: scope, passwordHash: hash)
                } catch let error as StoreError where error.code == .duplicate || error.code == .unknownTenant {
                    throw CommandFailure(error.detail, status: .usage)
                }
            }
            Console.current.line("console user '\(user.username)' created")
        }
    }

    /// `kontor admin user passwd NAME`.
    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a console user's password, read from standard input (one line); signs the user out."
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "The user name.") var username: String

        func run() async throws {
            let hash = try await ConsolePassword.hash(try PasswordInput.read())
            try await store.withMigratedDatabase { database in
                let users = ConsoleUserStore(database: database)
                guard let user = try await users.user(named: username) else {
                    throw CommandFailure("there is no console user '\(username)'", status: .usage)
                }
                try await users.setPasswordHash(hash, of: user.id)
            }
            Console.current.line("password of '\(username.lowercased())' set")
        }
    }

    /// `kontor admin user list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the console's users (never their passwords).")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let users = try await store.withMigratedDatabase { database in
                try await ConsoleUserStore(database: database).list()
            }
            Console.current.line("NAME\tSCOPE\tPASSWORD")
            for user in users {
                let scope =
                    switch user.scope {
                    case .partner: "partner"
                    case .tenant(let tenant): "tenant \(tenant)"
                    }
                Console.current.line("\(user.username)\t\(scope)\t\(user.passwordHash == nil ? "no" : "yes")")
            }
        }
    }
}

/// `kontor admin sign-in-link`: a one-time link to the web console.
struct SignInLinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-in-link",
        abstract: "Print a one-time sign-in link to the web console (valid 24 hours).",
        discussion: "Creates the partner user 'admin' first when the console has no user yet."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "The user the link signs in.") var user: String = ConsoleSignInLink.firstUsername
    @Option(
        help: "The hub's address as the browser reaches it (default: KONTOR_PUBLIC_URL, else http://127.0.0.1:8080)."
    )
    var url: String?

    func run() async throws {
        let base = (url ?? ProcessInfo.processInfo.environment["KONTOR_PUBLIC_URL"] ?? "http://127.0.0.1:8080")
            .trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let link = try await store.withMigratedDatabase { database in
            if let first = try await ConsoleSignInLink.firstUser(in: database, baseURL: base),
                user == ConsoleSignInLink.firstUsername
            {
                return first
            }
            guard let account = try await ConsoleUserStore(database: database).user(named: user) else {
                throw CommandFailure("there is no console user '\(user)'", status: .usage)
            }
            return try await ConsoleSignInLink.link(for: account, in: database, baseURL: base)
        }
        Console.current.line(link)
    }
}

/// Reads a password from standard input: one line, at least ``ConsolePassword/minimumLength`` characters.
enum PasswordInput {
    static func read() throws -> String {
        guard let line = readLine(strippingNewline: true), line.count >= ConsolePassword.minimumLength else {
            throw CommandFailure(
                "give a password of at least \(ConsolePassword.minimumLength) characters on standard input",
                status: .usage
            )
        }
        return line
    }
}
