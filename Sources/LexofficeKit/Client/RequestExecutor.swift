import AsyncHTTPClient
import Logging
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

import struct Foundation.Data

/// Sends ``LexofficeRequest``s: credentials, pacing, retries and error mapping, shared by all endpoint groups.
final class RequestExecutor: Sendable {
    let configuration: LexofficeClientConfiguration
    private let credentials: any LexofficeCredentials
    private let httpClient: HTTPClient
    private let pacer: RequestPacer
    private let logger: Logger
    /// The path part of the base URL, e.g. `/v1`, for error reports.
    private let basePath: String

    init(
        configuration: LexofficeClientConfiguration,
        credentials: any LexofficeCredentials,
        httpClient: HTTPClient,
        pacer: RequestPacer,
        logger: Logger
    ) {
        self.configuration = configuration
        self.credentials = credentials
        self.httpClient = httpClient
        self.pacer = pacer
        self.logger = logger
        basePath = Self.path(of: configuration.baseURL)
    }

    /// Sends `request` and returns a 2xx response.
    /// - Throws: ``LexofficeError`` for every other outcome.
    func send(_ request: LexofficeRequest) async throws -> LexofficeResponse {
        let response = try await exchange(request)
        guard (200..<300).contains(response.status) else {
            throw errorFor(response, of: request, afterUnknownOutcome: false)
        }
        return response
    }

    /// Sends `request` and decodes a 2xx JSON body.
    func send<Value: Decodable>(_ request: LexofficeRequest, decoding type: Value.Type) async throws -> Value {
        let response = try await send(request)
        return try decode(type, from: response, of: request)
    }

    /// Decodes a response body, mapping failures to ``LexofficeError/Code/decodingFailed``.
    func decode<Value: Decodable>(
        _ type: Value.Type,
        from response: LexofficeResponse,
        of request: LexofficeRequest
    ) throws -> Value {
        do {
            return try LexofficeJSON.decode(type, from: response.body)
        } catch {
            throw LexofficeError(
                code: .decodingFailed,
                detail: "the response is not a valid \(Value.self): \(Self.safeSummary(of: error))",
                status: response.status,
                method: request.method.rawValue,
                requestPath: requestPath(of: request),
                isRetrySafe: request.isIdempotent
            )
        }
    }

    /// Sends `request` with pacing and retries and returns whatever status lexoffice finally answered.
    /// - Throws: ``LexofficeError`` for transport failures, and for outcomes a caller must not mistake for an
    ///   answer (outcome unknown after a retried PUT).
    func exchange(_ request: LexofficeRequest) async throws -> LexofficeResponse {
        let policy = configuration.retryPolicy
        var rateLimitRetries = 0
        var transientRetries = 0
        var renewedToken = false
        var token = try await accessToken(for: request)
        while true {
            try await pacer.waitForTurn()
            let started = ContinuousClock.now
            let response: LexofficeResponse
            do {
                response = try await perform(request, token: token)
            } catch let error as CancellationError {
                throw error
            } catch {
                let failure = TransportFailure(error)
                let mayRetry = failure == .notSent || request.isIdempotent
                if mayRetry, transientRetries < policy.maxTransientRetries {
                    transientRetries += 1
                    log(request, status: nil, attempt: transientRetries, started: started, note: "\(failure)")
                    try await Task.sleep(for: policy.backoff(forRetry: transientRetries))
                    continue
                }
                log(request, status: nil, attempt: transientRetries, started: started, note: "\(failure), giving up")
                throw transportError(error, failure: failure, of: request)
            }
            log(request, status: response.status, attempt: rateLimitRetries + transientRetries, started: started)

            if isRateLimited(response) {
                guard rateLimitRetries < policy.maxRateLimitRetries else { return response }
                rateLimitRetries += 1
                let wait = max(policy.backoff(forRetry: rateLimitRetries), retryAfter(response) ?? .zero)
                pacer.pause(for: wait)
                continue
            }
            if response.status == 401, !renewedToken,
                let renewed = try await renewedAccessToken(after: token, for: request)
            {
                renewedToken = true
                token = renewed
                continue
            }
            if response.status >= 500, request.isIdempotent, transientRetries < policy.maxTransientRetries {
                transientRetries += 1
                try await Task.sleep(for: policy.backoff(forRetry: transientRetries))
                continue
            }
            if response.status == 409, request.method == .PUT, transientRetries > 0 {
                // An earlier attempt of this PUT may have been applied; the 409 may be caused by ourselves.
                throw errorFor(response, of: request, afterUnknownOutcome: true)
            }
            return response
        }
    }

    /// The full URL of a request.
    func url(of request: LexofficeRequest) -> String {
        let query = request.encodedQuery
        return configuration.baseURL + "/" + request.path + (query.isEmpty ? "" : "?" + query)
    }

    /// The path of a request without its query, e.g. `/v1/contacts`.
    func requestPath(of request: LexofficeRequest) -> String {
        basePath + "/" + request.path
    }

    /// Maps a non-2xx response to an error.
    func errorFor(
        _ response: LexofficeResponse,
        of request: LexofficeRequest,
        afterUnknownOutcome: Bool
    )
        -> LexofficeError
    {
        LexofficeError.forResponse(
            status: response.status,
            body: LexofficeErrorBody(json: response.body),
            method: request.method,
            requestPath: requestPath(of: request),
            isIdempotent: request.isIdempotent,
            afterUnknownOutcome: afterUnknownOutcome
        )
    }

    private func perform(_ request: LexofficeRequest, token: Secret) async throws -> LexofficeResponse {
        var httpRequest = HTTPClientRequest(url: url(of: request))
        httpRequest.method = request.method
        httpRequest.headers.add(name: "Authorization", value: "Bearer \(token.revealed)")
        httpRequest.headers.add(name: "Accept", value: request.accept)
        httpRequest.headers.add(name: "User-Agent", value: configuration.userAgent)
        if let body = request.body {
            httpRequest.headers.add(name: "Content-Type", value: request.contentType ?? "application/json")
            httpRequest.body = .bytes(ByteBuffer(data: body))
        }
        let deadline = NIODeadline.now() + .nanoseconds(Self.nanoseconds(configuration.requestTimeout))
        let response = try await httpClient.execute(httpRequest, deadline: deadline, logger: logger)
        let body = try await response.body.collect(upTo: configuration.maxResponseBytes)
        return LexofficeResponse(
            status: Int(response.status.code),
            headers: response.headers.map { ($0.name, $0.value) },
            body: Data(buffer: body)
        )
    }

    private func accessToken(for request: LexofficeRequest) async throws -> Secret {
        do {
            return try await credentials.accessToken()
        } catch let error as LexofficeError {
            throw error
        } catch {
            throw credentialError(error, request: request)
        }
    }

    private func renewedAccessToken(after token: Secret, for request: LexofficeRequest) async throws -> Secret? {
        do {
            return try await credentials.accessToken(afterRejecting: token)
        } catch let error as LexofficeError {
            throw error
        } catch {
            throw credentialError(error, request: request)
        }
    }

    private func credentialError(_ error: any Error, request: LexofficeRequest) -> LexofficeError {
        LexofficeError(
            code: .credentialsUnavailable,
            detail: "no access token could be obtained: \(Self.safeSummary(of: error))",
            method: request.method.rawValue,
            requestPath: requestPath(of: request),
            isRetrySafe: true
        )
    }

    /// 429, or a 500 whose message names the rate limit (seen by integrators).
    private func isRateLimited(_ response: LexofficeResponse) -> Bool {
        if response.status == 429 { return true }
        guard response.status == 500, let message = LexofficeErrorBody(json: response.body)?.message?.lowercased()
        else { return false }
        return message.contains("rate limit") || message.contains("too many requests")
    }

    private func retryAfter(_ response: LexofficeResponse) -> Duration? {
        guard let value = response.header("Retry-After"), let seconds = Int(value), seconds >= 0 else { return nil }
        return .seconds(min(seconds, 120))
    }

    private func transportError(
        _ error: any Error,
        failure: TransportFailure,
        of request: LexofficeRequest
    )
        -> LexofficeError
    {
        let code: LexofficeError.Code
        let detail: String
        switch (failure, request.isIdempotent) {
        case (.notSent, _):
            code = .connectionFailed
            detail = "could not connect to lexoffice; nothing was sent"
        case (_, false):
            code = .outcomeUnknown
            detail =
                "the connection failed after the request was sent; lexoffice may have executed it — "
                + "look the resource up before sending it again"
        case (.timedOut, true):
            code = .timeout
            detail = "lexoffice did not answer within \(configuration.requestTimeout)"
        case (.lost, true):
            code = .connectionFailed
            detail = "the connection to lexoffice was lost"
        }
        return LexofficeError(
            code: code,
            detail: detail,
            method: request.method.rawValue,
            requestPath: requestPath(of: request),
            isRetrySafe: failure == .notSent || request.isIdempotent,
            underlyingError: error
        )
    }

    private func log(
        _ request: LexofficeRequest,
        status: Int?,
        attempt: Int,
        started: ContinuousClock.Instant,
        note: String? = nil
    ) {
        LexofficeExchangeObserver.current?.onAttempt(
            .init(method: request.method.rawValue, status: status, duration: ContinuousClock.now - started)
        )
        logger.debug(
            "lexoffice request",
            metadata: [
                "http.method": "\(request.method.rawValue)",
                "http.path": "\(requestPath(of: request))",
                "http.status": "\(status.map(String.init) ?? "none")",
                "lexoffice.retry": "\(attempt)",
                "lexoffice.transport": "\(note ?? "ok")",
                "duration.ms": "\(Self.milliseconds(ContinuousClock.now - started))",
            ]
        )
    }

    /// A decoding or transport error summarised without payload values.
    static func safeSummary(of error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "missing \(pathText(context.codingPath + [key]))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(pathText(context.codingPath))"
        case DecodingError.dataCorrupted(let context):
            "unreadable value at \(pathText(context.codingPath))"
        default:
            String(describing: type(of: error))
        }
    }

    private static func pathText(_ path: [any CodingKey]) -> String {
        path.isEmpty
            ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        nanoseconds(duration) / 1_000_000
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }

    private static func path(of url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        return String(rest[slash...])
    }
}
