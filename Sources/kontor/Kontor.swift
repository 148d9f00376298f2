import ArgumentParser

/// The `kontor` command line: the hub's composition root (later `serve`) and the lexoffice module catalogue.
@main
struct Kontor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kontor",
        abstract: "Kontor: the integration hub for lexoffice / Lexware Office.",
        discussion: """
            `kontor serve` runs the hub (embedded defaults: SQLite and the built-in sandbox), `kontor sandbox` a local \
            lexoffice, `kontor lexoffice` calls the lexoffice API with an API key; `migrate`, `tenants`, `admin` and \
            `jobs` administer a hub's database.
            """,
        version: "0.1.0",
        subcommands: [
            ServeCommand.self, LexofficeCommand.self, SandboxCommand.self, MigrateCommand.self, TenantsCommand.self,
            AdminCommand.self,
            JobsCommand.self,
        ]
    )
}
