import AsyncHTTPClient
import KontorSinks

/// Runs `body` with a new `HTTPClient` configured as the sinks' (``HTTPClient/Configuration/archiveSinks``), shut
/// down afterwards.
func withSinkHTTPClient<Result>(_ body: (HTTPClient) async throws -> Result) async throws -> Result {
    let client = HTTPClient(configuration: .archiveSinks)
    do {
        let result = try await body(client)
        try await client.shutdown()
        return result
    } catch {
        try? await client.shutdown()
        throw error
    }
}
