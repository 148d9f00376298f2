import Foundation
import KontorFlows
import LexofficeKit

/// Where and as whom a ``WebDAVSink`` writes: a base folder URL on a WebDAV server (Nextcloud, ownCloud, any
/// WebDAV DMS), Basic credentials and the key layout.
package struct WebDAVConfiguration: Sendable {
    /// The base folder, ending in `/`, e.g. `https://cloud.example/remote.php/dav/files/archive/Belege/`; it
    /// must exist.
    package let baseURL: String
    /// The user name for Basic authentication, if the server needs one.
    package var username: String?
    /// The password for Basic authentication.
    package var password: Secret?
    /// Where a document's files go below the base folder.
    package var template: ArchiveKeyTemplate
    /// The deadline of each request.
    package var timeout: Duration

    /// A configuration for the folder at `baseURL`.
    /// - Throws: ``ArchiveSinkError`` ``ArchiveSinkError/Code/invalidConfiguration`` for a URL that is not
    ///   `http` or `https`, or has a query or credentials in it.
    package init(
        baseURL: String,
        username: String? = nil,
        password: Secret? = nil,
        template: ArchiveKeyTemplate = .standard,
        timeout: Duration = .seconds(30)
    ) throws(ArchiveSinkError) {
        guard let url = URLComponents(string: baseURL), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host?.isEmpty == false, url.query == nil, url.user == nil
        else {
            throw ArchiveSinkError(.invalidConfiguration, "the WebDAV URL must be http(s)://host/folder/")
        }
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.username = username
        self.password = password
        self.template = template
        self.timeout = timeout
    }

    /// The URL of `path` (slash-separated, not encoded) below the base folder.
    package func url(of path: String) -> String {
        baseURL
            + path.split(separator: "/", omittingEmptySubsequences: false)
            .map { S3KeyEncoding.encode(String($0), keepingSlashes: false) }
            .joined(separator: "/")
    }

    /// The `Authorization` header value, if credentials are set.
    var authorization: String? {
        guard let username else { return nil }
        return "Basic " + Data("\(username):\(password?.revealed ?? "")".utf8).base64EncodedString()
    }
}
