import AsyncHTTPClient
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How far a request got before the transport failed: decides whether it may be sent again.
enum TransportFailure {
    /// No connection was made; lexoffice cannot have seen the request.
    case notSent
    /// The deadline passed; the request may have been executed.
    case timedOut
    /// The connection broke after the request was (possibly) sent.
    case lost

    init(_ error: any Error) {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .socksHandshakeTimeout, .httpProxyHandshakeTimeout, .tlsHandshakeTimeout:
                self = .notSent
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                self = .timedOut
            default:
                self = .lost
            }
        } else if error is NIOConnectionError {
            self = .notSent
        } else if let error = error as? ChannelError, case .connectTimeout = error {
            self = .notSent
        } else if let error = error as? IOError,
            [ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, EADDRNOTAVAIL].contains(error.errnoCode)
        {
            self = .notSent
        } else {
            self = .lost
        }
    }
}
