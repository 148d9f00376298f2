import Foundation
import LexofficeKit

/// Where `events watch` gets the public key that verifies webhook signatures.
enum WebhookPublicKey {
    /// lexoffice's published key.
    static let productionURL = "https://developers.lexware.io/webhookSignature/public/public_key.pub"
    /// The path of the key below a host; a sandbox serves its own key there too.
    static let path = "webhookSignature/public/public_key.pub"

    /// A verifier with the key from `file`, or else downloaded: lexoffice's for the production API, the API
    /// host's own for any other base URL (a sandbox).
    /// - Throws: ``CommandFailure`` (usage) when the key cannot be read or downloaded.
    static func verifier(file: String?, baseURL: String) async throws -> WebhookSignatureVerifier {
        let pem: String
        if let file {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw CommandFailure("cannot read the public key file \(file)", status: .usage)
            }
            pem = String(decoding: contents, as: UTF8.self)
        } else {
            pem = try await download(for: baseURL)
        }
        do {
            return try WebhookSignatureVerifier(publicKeyPEM: pem)
        } catch {
            throw CommandFailure("the webhook public key is not an RSA public key in PEM form", status: .usage)
        }
    }

    private static func download(for baseURL: String) async throws -> String {
        var host = URLComponents(string: "https://developers.lexware.io")
        if baseURL != LexofficeClientConfiguration.productionBaseURL {
            host = URLComponents(string: baseURL)
            host?.path = ""
            host?.query = nil
        }
        let failure = CommandFailure(
            "cannot download the webhook public key for \(baseURL); pass --public-key-file (lexoffice's key: "
                + "\(productionURL))",
            status: .usage
        )
        guard let root = host?.string else { throw failure }
        // The key is public: no API key goes to this host.
        let client = LexofficeClient(
            configuration: LexofficeClientConfiguration(baseURL: root, requestsPerSecond: 0, retryPolicy: .none),
            credentials: StaticAPIKey("anonymous")
        )
        guard let response = try? await client.raw("GET", path: path, accept: "*/*"), response.status == 200 else {
            throw failure
        }
        return String(decoding: response.body, as: UTF8.self)
    }
}
