import ArgumentParser
import LexofficeKit

/// `kontor lexoffice ping`: checks the API key.
struct PingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ping",
        abstract: "Check the connection: prints the e-mail address of the user the API key belongs to."
    )

    @OptionGroup var connection: LexofficeConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let ping = try await connection.makeClient().ping()
        try output.report("connected as \(ping.userEmail)", json: ping)
    }
}
