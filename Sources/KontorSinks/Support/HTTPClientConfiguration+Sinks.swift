import AsyncHTTPClient
import NIOCore

extension HTTPClient.Configuration {
    /// The configuration of the `HTTPClient` the S3 and WebDAV sinks share: redirects are not followed (a
    /// redirect would carry credentials to another address; the sink reports it instead), connections are kept
    /// for reuse.
    package static var archiveSinks: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(60))
        return configuration
    }
}
