import ArgumentParser

/// The `kontor` command line: the hub's composition root (later `serve`) and the lexoffice module catalogue.
@main
struct Kontor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kontor",
        abstract: "Kontor: the integration hub for lexoffice / Lexware Office.",
        discussion: """
            Implemented today: `kontor lexoffice` (call the lexoffice API with an API key) and `kontor sandbox` (a local \
            lexoffice). The hub \
            (`kontor serve`) arrives with its issue.
            """,
        version: "0.1.0",
        subcommands: [
            ServeCommand.self, LexofficeCommand.self, SandboxCommand.self, MigrateCommand.self, TenantsCommand.self,
            AdminCommand.self,
            JobsCommand.self,
        ]
    )
}
