import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// What a tenant is told about a callback that failed on the network: refused, timed out or not reached, and
/// nothing more (no addresses, no error types of the hub's libraries).
enum CallbackNetworkError {
    /// The reason recorded for a delivery that failed with `error`.
    static func reason(for error: any Error) -> String {
        if isTimeout(error) { return "the callback receiver timed out" }
        if isConnectionRefused(error) { return "the callback receiver refused the connection" }
        return "the callback receiver could not be reached"
    }

    private static func isTimeout(_ error: any Error) -> Bool {
        if let error = error as? HTTPClientError {
            return [.connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded].contains(error)
        }
        if case .connectTimeout = error as? ChannelError { return true }
        if let error = error as? NIOConnectionError { return error.connectionErrors.contains { isTimeout($0.error) } }
        return false
    }

    private static func isConnectionRefused(_ error: any Error) -> Bool {
        if let error = error as? IOError { return error.errnoCode == ECONNREFUSED }
        if let error = error as? NIOConnectionError {
            return error.connectionErrors.contains { isConnectionRefused($0.error) }
        }
        return false
    }
}
