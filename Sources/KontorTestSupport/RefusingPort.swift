#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP port on 127.0.0.1 that refuses every connection while this exists: a socket bound to it that never
/// listens. Unlike a port found free by starting and stopping a server, no other server can take it meanwhile.
package final class RefusingPort {
    /// The port number.
    package let port: Int
    private var descriptor: Int32

    /// Binds a new socket to an ephemeral port.
    /// - Throws: ``RefusingPortError`` with the failing call.
    package init() throws {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw RefusingPortError(call: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        guard bound else {
            close()
            throw RefusingPortError(call: "bind")
        }
    }

    /// Releases the port.
    package func close() {
        guard descriptor >= 0 else { return }
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #else
        _ = Darwin.close(descriptor)
        #endif
        descriptor = -1
    }

    deinit { close() }
}

/// A socket call that failed while reserving a ``RefusingPort``.
package struct RefusingPortError: Error, CustomStringConvertible {
    /// The failing call (`socket`, `bind`).
    package var call: String

    package var description: String { "\(call) failed while reserving a refusing port" }
}
