import ArgumentParser
import Foundation
import LexofficeKit

/// Where and as whom `kontor lexoffice` commands connect. The API key never appears on the command line.
struct LexofficeConnectionOptions: ParsableArguments {
    @Option(help: "The lexoffice API root.")
    var baseURL: String = LexofficeClientConfiguration.productionBaseURL

    @Option(help: "A file holding the API key (default: the LEXOFFICE_API_KEY environment variable).")
    var apiKeyFile: String?

    @Option(help: "Requests per second on this connection (lexoffice allows 2).")
    var rate: Double = 2

    /// A client for these options.
    /// - Throws: `ValidationError` when no API key is available.
    func makeClient() throws -> LexofficeClient {
        LexofficeClient(
            configuration: LexofficeClientConfiguration(baseURL: baseURL, requestsPerSecond: rate),
            credentials: StaticAPIKey(try apiKey())
        )
    }

    private func apiKey() throws -> Secret {
        if let apiKeyFile {
            guard let contents = FileManager.default.contents(atPath: apiKeyFile) else {
                throw ValidationError("cannot read the API key file \(apiKeyFile)")
            }
            let key = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty else { throw ValidationError("the API key file \(apiKeyFile) is empty") }
            return Secret(key)
        }
        guard let key = ProcessInfo.processInfo.environment["LEXOFFICE_API_KEY"], !key.isEmpty else {
            throw ValidationError("set LEXOFFICE_API_KEY or pass --api-key-file")
        }
        return Secret(key)
    }
}
