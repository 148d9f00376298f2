import Foundation
import NIOCore
import NIOPosix

/// Where one callback is delivered: the callback URL's host name and the address checked for it. The delivery
/// connects to exactly this address (the name is not resolved again), so that a name whose answer changes between
/// check and connection (DNS rebinding) cannot lead elsewhere.
struct CallbackReceiver: Sendable {
    /// Why a receiver is not delivered to; `detail` is for the log only (addresses, resolver errors).
    struct Refusal: Error, CustomStringConvertible {
        enum Reason: Sendable { case invalidURL, unresolvable, addressNotAllowed }
        var reason: Reason
        var detail: String
        var description: String { "CallbackReceiver.Refusal(\(reason)): \(detail)" }
    }

    /// The host as the URL names it (without IPv6 brackets).
    let host: String
    /// The checked address the delivery connects to.
    let address: SocketAddress

    /// Resolves the host of `url` and checks every address it resolves to with `policy`.
    /// - Throws: ``Refusal`` for a URL that is no absolute http(s) URL, a name that does not resolve, or a name
    ///   with any address the policy refuses.
    static func resolve(_ url: String, policy: CallbackAddressPolicy) async throws(Refusal) -> CallbackReceiver {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
            ["http", "https"].contains(scheme),
            let named = parsed.host, !named.isEmpty
        else { throw Refusal(reason: .invalidURL, detail: "not an absolute http(s) URL") }
        let host = named.hasPrefix("[") && named.hasSuffix("]") ? String(named.dropFirst().dropLast()) : named
        let addresses: [SocketAddress]
        do {
            addresses = try await NIOThreadPool.singleton.runIfActive { try Self.lookUp(host) }
        } catch {
            throw Refusal(reason: .unresolvable, detail: "\(host) does not resolve: \(error)")
        }
        guard let first = addresses.first else {
            throw Refusal(reason: .unresolvable, detail: "\(host) resolves to no address")
        }
        let own = policy.allowsPrivateNetworks ? [] : CallbackAddressPolicy.machineAddresses()
        if let refused = addresses.first(where: { !policy.permits($0, ownAddresses: own) }) {
            throw Refusal(reason: .addressNotAllowed, detail: "\(host) resolves to \(refused.ipAddress ?? "?")")
        }
        return CallbackReceiver(host: host, address: first)
    }

    /// Every IPv4 and IPv6 address of `host` (an IP literal is its own address), duplicates dropped.
    private static func lookUp(_ host: String) throws -> [SocketAddress] {
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, nil, &list)
        guard status == 0 else { throw Refusal(reason: .unresolvable, detail: "getaddrinfo error \(status)") }
        defer { freeaddrinfo(list) }
        var addresses: [SocketAddress] = []
        var entry = list
        while let info = entry?.pointee {
            entry = info.ai_next
            guard let socketAddress = info.ai_addr else { continue }
            let address: SocketAddress
            switch info.ai_family {
            case AF_INET:
                address = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                    SocketAddress($0.pointee, host: host)
                }
            case AF_INET6:
                address = socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    SocketAddress($0.pointee, host: host)
                }
            default:
                continue
            }
            if !addresses.contains(where: { $0.ipAddress == address.ipAddress }) { addresses.append(address) }
        }
        return addresses
    }
}
