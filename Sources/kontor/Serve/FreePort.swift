#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Picks a free TCP port on an IPv4 host, for `--port 0`: the hub must know its own URL (webhook callbacks, the
/// mounted sandbox) before it listens. The port is free when picked; another process could take it before the hub
/// binds it, in which case the start fails with "address in use".
enum FreePort {
    static func pick(host: String) throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw CommandFailure("cannot pick a free port: no socket") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw CommandFailure("--port 0 needs an IPv4 address as --host, not \(host)", status: .usage)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw CommandFailure("cannot pick a free port on \(host)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
