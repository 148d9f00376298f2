import Foundation
import NIOCore

/// Which addresses callbacks may be delivered to, so that a callback URL cannot be turned into a scanner of the
/// hub's network or a reader of a cloud's metadata service.
///
/// Refused unless private networks are allowed (`callbacks.allow.private`): loopback (127/8, ::1), unspecified
/// (0/8, ::), link-local (169.254/16 with the cloud metadata services, fe80::/10), private networks (RFC 1918 10/8,
/// 172.16/12, 192.168/16; carrier-grade NAT 100.64/10; unique local fc00::/7, site-local fec0::/10), multicast and
/// reserved ranges (224/4, 240/4, ff00::/8), and every address of the hub's own machine. IPv4 addresses embedded
/// in IPv6 (`::ffff:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`) are judged as IPv4. Private networks are refused too: from
/// the hub's position they are the internal network a scanner is after; a source application on the LAN is the
/// case the switch is for.
package struct CallbackAddressPolicy: Sendable, Equatable {
    /// Whether private, loopback, link-local and the hub's own addresses are allowed.
    package var allowsPrivateNetworks: Bool

    /// A policy; `allowsPrivateNetworks` lifts every refusal.
    package init(allowsPrivateNetworks: Bool) {
        self.allowsPrivateNetworks = allowsPrivateNetworks
    }

    /// Whether a callback may connect to `address`; `ownAddresses` are the addresses of the hub's machine.
    package func permits(_ address: SocketAddress, ownAddresses: [SocketAddress] = []) -> Bool {
        if allowsPrivateNetworks { return true }
        guard let bytes = Self.bytes(of: address) else { return false }
        if ownAddresses.contains(where: { Self.bytes(of: $0) == bytes }) { return false }
        return bytes.count == 4 ? Self.isPublicIPv4(bytes) : Self.isPublicIPv6(bytes)
    }

    /// The addresses of the hub's machine (every interface's), empty when they cannot be listed.
    package static func machineAddresses() -> [SocketAddress] {
        ((try? System.enumerateDevices()) ?? []).compactMap(\.address)
    }

    /// The address's bytes in network order: 4 for IPv4, 16 for IPv6; `nil` for a Unix socket.
    private static func bytes(of address: SocketAddress) -> [UInt8]? {
        switch address {
        case .v4(let v4): withUnsafeBytes(of: v4.address.sin_addr) { Array($0) }
        case .v6(let v6): withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
        case .unixDomainSocket: nil
        }
    }

    private static func isPublicIPv4(_ b: [UInt8]) -> Bool {
        switch (b[0], b[1]) {
        case (0, _), (127, _), (10, _): false  // unspecified, loopback, RFC 1918
        case (169, 254): false  // link-local, cloud metadata
        case (172, 16...31), (192, 168): false  // RFC 1918
        case (100, 64...127): false  // carrier-grade NAT (RFC 6598)
        case (224...255, _): false  // multicast, reserved, broadcast
        default: true
        }
    }

    private static func isPublicIPv6(_ b: [UInt8]) -> Bool {
        let embeddedIPv4 = Array(b[12..<16])
        if b[0..<10].allSatisfy({ $0 == 0 }), b[10] == 0xff, b[11] == 0xff { return isPublicIPv4(embeddedIPv4) }
        if b[0..<12] == [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0] { return isPublicIPv4(embeddedIPv4) }
        if b[0..<15].allSatisfy({ $0 == 0 }) { return false }  // :: and ::1
        if b[0] & 0xfe == 0xfc { return false }  // unique local fc00::/7
        if b[0] == 0xfe, b[1] & 0xc0 == 0x80 || b[1] & 0xc0 == 0xc0 { return false }  // fe80::/10, fec0::/10
        if b[0] == 0xff { return false }  // multicast
        return true
    }
}
