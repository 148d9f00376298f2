import AsyncHTTPClient
import KontorCore
import KontorFlows
import LexofficeKit
import Synchronization

/// Makes the sinks a tenant's archive settings describe (the ``ArchiveSinkFactory`` the hub wires): a
/// ``FilesystemSink``, an ``S3Sink``, a ``WebDAVSink`` or a ``MayanDMSSink``, the HTTP ones on one shared
/// `HTTPClient` that never follows redirects. A sink is made once per tenant and settings, so what it learned (WebDAV
/// folders, the DMS's ids) is kept while the settings stay.
package final class ConfiguredArchiveSinks: ArchiveSinkFactory {
    private let httpClient: HTTPClient
    private let made = Mutex<[TenantID: [ArchiveSinkSettings: any ArchiveSink]]>([:])

    /// The process's sinks, on an `HTTPClient` configured with ``HTTPClient/Configuration/archiveSinks`` that lives
    /// as long as the process (like `HTTPClient.shared`).
    package static let shared = ConfiguredArchiveSinks(
        httpClient: HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: .archiveSinks)
    )

    /// Sinks sending through `httpClient` (configured with ``HTTPClient/Configuration/archiveSinks``).
    package init(httpClient: HTTPClient) {
        self.httpClient = httpClient
    }

    package func sink(
        for settings: ArchiveSinkSettings,
        of tenant: TenantID
    ) throws(ArchiveSinkError) -> any ArchiveSink {
        if let known = made.withLock({ $0[tenant]?[settings] }) { return known }
        let sink = try make(settings)
        made.withLock { made in
            if made[tenant]?.count ?? 0 > 16 { made[tenant] = [:] }  // settings changed many times: forget old ones
            made[tenant, default: [:]][settings] = sink
        }
        return sink
    }

    package func validate(_ settings: ArchiveSinkSettings) throws(ArchiveSinkError) {
        let template = try Self.template(of: settings)
        switch settings.type {
        case .filesystem:
            return
        case .s3:
            _ = try Self.s3Configuration(settings, template: template)
        case .webdav:
            _ = try WebDAVConfiguration(baseURL: settings.url ?? "", template: template)
        case .dms:
            _ = try MayanConfiguration(baseURL: settings.url ?? "", token: Secret(""))
        }
    }

    package func stamp(
        _ settings: ArchiveSinkSettings,
        of tenant: TenantID,
        username: String,
        password: String
    ) async throws -> String {
        let baseURL = settings.url ?? ""
        let token = try await MayanAPI.obtainToken(
            baseURL: baseURL,
            username: username,
            password: Secret(password),
            httpClient: httpClient
        )
        let sink = MayanDMSSink(
            configuration: try MayanConfiguration(baseURL: baseURL, token: token),
            httpClient: httpClient
        )
        try await sink.prepare(for: tenant)
        return token.revealed
    }

    private func make(_ settings: ArchiveSinkSettings) throws(ArchiveSinkError) -> any ArchiveSink {
        let template = try Self.template(of: settings)
        switch settings.type {
        case .filesystem:
            return FilesystemSink(root: settings.path ?? "", template: template)
        case .s3:
            return S3Sink(
                configuration: try Self.s3Configuration(settings, template: template),
                httpClient: httpClient
            )
        case .webdav:
            return WebDAVSink(
                configuration: try WebDAVConfiguration(
                    baseURL: settings.url ?? "",
                    username: settings.username,
                    password: settings.password.map(Secret.init),
                    template: template
                ),
                httpClient: httpClient
            )
        case .dms:
            guard let token = settings.token else {
                throw ArchiveSinkError(.accessDenied, "the DMS is not set up yet: run its stamp first")
            }
            return MayanDMSSink(
                configuration: try MayanConfiguration(baseURL: settings.url ?? "", token: Secret(token)),
                httpClient: httpClient
            )
        }
    }

    /// The key template the settings name, the standard one when none.
    private static func template(of settings: ArchiveSinkSettings) throws(ArchiveSinkError) -> ArchiveKeyTemplate {
        guard let pattern = settings.template else { return .standard }
        return try ArchiveKeyTemplate(pattern)
    }

    private static func s3Configuration(
        _ settings: ArchiveSinkSettings,
        template: ArchiveKeyTemplate
    ) throws(ArchiveSinkError) -> S3Configuration {
        var addressing = S3Configuration.Addressing.path
        if let text = settings.addressing {
            guard let chosen = S3Configuration.Addressing(rawValue: text) else {
                throw ArchiveSinkError(.invalidConfiguration, "S3 addressing must be 'path' or 'virtual-host'")
            }
            addressing = chosen
        }
        return try S3Configuration(
            endpoint: settings.endpoint ?? "",
            region: settings.region ?? "",
            bucket: settings.bucket ?? "",
            accessKeyID: settings.accessKeyId ?? "",
            secretAccessKey: Secret(settings.secretAccessKey ?? ""),
            addressing: addressing,
            template: template
        )
    }
}
