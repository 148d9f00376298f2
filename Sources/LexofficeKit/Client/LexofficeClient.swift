import AsyncHTTPClient
import Logging
import NIOHTTP1

import struct Foundation.Data

/// The entry point of LexofficeKit: a client for one lexoffice connection.
///
/// ```swift
/// let lexoffice = LexofficeClient(credentials: StaticAPIKey(apiKey))
/// let page = try await lexoffice.contacts.page(ContactFilter(name: "Radhaus"))
/// ```
///
/// Every request is paced (2 per second by default, shared with every other client of the same connection),
/// retried when that is safe (see ``RetryPolicy``) and fails with a ``LexofficeError``. The endpoint groups
/// (``contacts``, ``invoices``, ``voucherList`` …) are cheap views on the client.
public struct LexofficeClient: Sendable {
    let executor: RequestExecutor

    /// The client's settings.
    public var configuration: LexofficeClientConfiguration { executor.configuration }

    /// Creates a client.
    /// - Parameters:
    ///   - configuration: base URL, timeouts, pacing and retry settings.
    ///   - credentials: a ``StaticAPIKey`` or an ``OAuth2TokenProvider``.
    ///   - httpClient: the AsyncHTTPClient to send with; its lifecycle stays with the caller.
    ///   - pacerRegistry: where the connection's ``RequestPacer`` is looked up, so that clients of one
    ///     connection share one budget.
    ///   - logger: receives `debug` entries per request (method, path without query, status, duration).
    public init(
        configuration: LexofficeClientConfiguration = LexofficeClientConfiguration(),
        credentials: any LexofficeCredentials,
        httpClient: HTTPClient = .shared,
        pacerRegistry: RequestPacerRegistry = .shared,
        logger: Logger = Logger(label: "LexofficeKit", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        executor = RequestExecutor(
            configuration: configuration,
            credentials: credentials,
            httpClient: httpClient,
            pacer: pacerRegistry.pacer(
                for: credentials.connectionKey + "@" + configuration.baseURL,
                requestsPerSecond: configuration.requestsPerSecond
            ),
            logger: logger
        )
    }

    /// Sends any request, for endpoints this SDK does not model.
    ///
    /// The request is paced and retried like every other call, but any final status is returned rather than
    /// thrown, so the caller sees status, headers and bytes as lexoffice sent them.
    /// - Parameters:
    ///   - method: the HTTP method, e.g. `"GET"`.
    ///   - path: the path below the base URL, e.g. `profile` or `/contacts/ID` (a leading `/` is ignored).
    ///   - query: name/value pairs, percent-encoded by the client (no HTML escaping).
    ///   - body: the body bytes, sent with `contentType`.
    ///   - accept: the `Accept` header.
    /// - Throws: ``LexofficeError`` only for transport failures (and ``LexofficeError/Code/outcomeUnknown``).
    public func raw(
        _ method: String,
        path: String,
        query: [(name: String, value: String)] = [],
        body: Data? = nil,
        contentType: String = "application/json",
        accept: String = "application/json"
    ) async throws -> LexofficeResponse {
        let request = LexofficeRequest(
            method: HTTPMethod(rawValue: method.uppercased()),
            path: path.hasPrefix("/") ? String(path.dropFirst()) : path,
            query: query.map { QueryParameter(name: $0.name, value: $0.value) },
            body: body,
            contentType: body == nil ? nil : contentType,
            accept: accept
        )
        return try await executor.exchange(request)
    }
}
