import ArgumentParser
import LexofficeKit

/// `kontor lexoffice ping`: checks the API key and prints the connected organization.
struct LexofficePingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ping",
        abstract: "Check the connection: prints the organization and the user the API key belongs to."
    )

    @OptionGroup var connection: LexofficeConnectionOptions

    func run() async throws {
        let client = try connection.makeClient()
        do {
            let profile = try await client.profile()
            print("connected: \(profile.companyName ?? "?") (organization \(profile.organizationId))")
            if let connectionID = profile.connectionId { print("connection: \(connectionID)") }
        } catch let error as LexofficeError {
            throw CommandFailure("lexoffice ping failed: \(error)")
        }
    }
}
