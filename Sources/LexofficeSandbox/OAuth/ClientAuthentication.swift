import Foundation
import Hummingbird
import LexofficeKit

/// Identifies the application calling the token or revocation endpoint: HTTP Basic (as lexoffice integrations
/// send it), or `client_id` and `client_secret` form fields.
enum ClientAuthentication {
    /// The registered client whose id and secret the request carries.
    /// - Throws: `invalid_client` (401) when credentials are missing, unknown or wrong.
    static func client(
        of request: Request,
        fields: FormFields,
        among clients: [SandboxOAuthClient]
    ) throws(OAuthFailure) -> SandboxOAuthClient {
        let credentials = basicCredentials(request) ?? fields["client_id"].map { ($0, fields["client_secret"] ?? "") }
        guard let (clientID, secret) = credentials,
            let client = clients.first(where: { $0.clientID == clientID }),
            client.clientSecret.revealed == secret
        else { throw .invalidClient }
        return client
    }

    /// Id and secret from `Authorization: Basic base64(id:secret)`.
    private static func basicCredentials(_ request: Request) -> (String, String)? {
        guard let encoded = request.headers[.authorization]?.credentials(afterScheme: "Basic"),
            let data = Data(base64Encoded: String(encoded)),
            let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
