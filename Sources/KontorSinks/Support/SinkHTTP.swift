import AsyncHTTPClient
import KontorFlows
import NIOCore

/// HTTP calls of the sinks: a deadline on each, transport failures and status codes turned into
/// ``ArchiveSinkError``.
enum SinkHTTP {
    /// The largest response body read (error documents, small objects read back); larger ones are cut off.
    static let maximumBodyBytes = 64 << 20

    /// Sends `request` and reads the whole answer, within `timeout`.
    /// - Throws: ``ArchiveSinkError`` ``ArchiveSinkError/Code/unavailable`` when the sink cannot be reached or
    ///   answers too late, ``ArchiveSinkError/Code/invalidConfiguration`` for an unusable URL;
    ///   `CancellationError` when the task was cancelled.
    static func send(
        _ request: HTTPClientRequest,
        on client: HTTPClient,
        timeout: Duration,
        sink: String
    ) async throws -> (response: HTTPClientResponse, body: ByteBuffer) {
        do {
            let response = try await client.execute(request, timeout: .nanoseconds(Int64(timeout.nanoseconds)))
            let body = try await response.body.collect(upTo: maximumBodyBytes)
            return (response, body)
        } catch let error as HTTPClientError
            where error == .invalidURL || error == .emptyHost || error == .emptyScheme
        {
            throw ArchiveSinkError(.invalidConfiguration, "\(sink): the URL \(request.url) cannot be used")
        } catch {
            if Task.isCancelled || error is CancellationError { throw CancellationError() }
            throw ArchiveSinkError(
                .unavailable,
                "\(sink) at \(request.url) cannot be reached: \(transportReason(error))"
            )
        }
    }

    /// The error for a non-success `status`: 401 and 403 are rejected credentials, 404 a missing destination,
    /// 408, 429 and 5xx retryable, a redirect (never followed) and any other 4xx a refused document.
    static func failure(status: Int, _ what: String) -> ArchiveSinkError {
        let code: ArchiveSinkError.Code =
            switch status {
            case 401, 403: .accessDenied
            case 404, 410: .destinationMissing
            case 408: .unavailable
            case 429, 500...599: .serverError
            default: .rejected
            }
        return ArchiveSinkError(code, "\(what) answered HTTP \(status)", httpStatus: status)
    }

    /// A short, safe reason for a transport failure (no URLs with credentials, no bodies).
    private static func transportReason(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return "timed out"
            default: return "\(error)"
            }
        }
        return String(describing: type(of: error)) + ": \(error)"
    }
}

extension Duration {
    /// The duration in whole nanoseconds (saturating at `Int64.max`), for AsyncHTTPClient's `TimeAmount`.
    fileprivate var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : product + attoseconds / 1_000_000_000
    }
}
