import ArgumentParser

/// `kontor lexoffice …`: LexofficeKit on the shell.
struct LexofficeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexoffice",
        abstract: "Call the lexoffice API (paced, retried like the hub does).",
        subcommands: [LexofficePingCommand.self, LexofficeCallCommand.self]
    )
}
