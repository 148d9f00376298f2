import Foundation
import KontorFlows
import LexofficeKit

/// Where and as whom a ``MayanDMSSink`` writes: a Mayan EDMS server and the API token obtained once with
/// ``MayanAPI/obtainToken(baseURL:username:password:httpClient:timeout:)`` (the password is not kept).
package struct MayanConfiguration: Sendable {
    /// The server's address, e.g. `https://dms.example` (the API lives under `/api/v4/`).
    package let baseURL: String
    /// The API token (`Authorization: Token …`).
    package var token: Secret
    /// The document type Kontor's documents get; created when missing.
    package var documentTypeLabel: String
    /// The deadline of each request.
    package var timeout: Duration

    /// A configuration for the server at `baseURL`.
    /// - Throws: ``ArchiveSinkError`` ``ArchiveSinkError/Code/invalidConfiguration`` for a URL that is not
    ///   `http` or `https`, or has a query or credentials in it.
    package init(
        baseURL: String,
        token: Secret,
        documentTypeLabel: String = "lexoffice",
        timeout: Duration = .seconds(30)
    ) throws(ArchiveSinkError) {
        guard let url = URLComponents(string: baseURL), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host?.isEmpty == false, url.query == nil, url.user == nil
        else {
            throw ArchiveSinkError(.invalidConfiguration, "the Mayan EDMS URL must be http(s)://host[:port]")
        }
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.token = token
        self.documentTypeLabel = documentTypeLabel
        self.timeout = timeout
    }
}
