import Crypto
import Foundation
import KontorCore

/// The signature of outgoing callbacks (DESIGN.md §7): `Kontor-Signature: t=<unix seconds>,v1=<hex>` where the hex
/// is HMAC-SHA256 with the tenant's callback secret over `<t>.<raw body>`. Receivers recompute it, compare in
/// constant time and reject old timestamps (replays).
package enum CallbackSignature {
    /// The header name.
    package static let header = "Kontor-Signature"

    /// The header value for `body` sent at `time`.
    package static func sign(body: Data, secret: String, time: Date) -> String {
        let timestamp = Int64(time.timeIntervalSince1970)
        return "t=\(timestamp),v1=" + hex(body: body, secret: secret, timestamp: timestamp)
    }

    /// Whether `headerValue` signs `body` with `secret` and is at most `tolerance` old at `now`.
    package static func isValid(
        _ headerValue: String,
        body: Data,
        secret: String,
        now: Date,
        tolerance: TimeInterval = 300
    ) -> Bool {
        var timestamp: Int64?
        var signatures: [String] = []
        for part in headerValue.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = Int64(pair[1]) }
            if pair[0] == "v1" { signatures.append(pair[1]) }
        }
        guard let timestamp, abs(now.timeIntervalSince1970 - Double(timestamp)) <= tolerance else { return false }
        let expected = Array(hex(body: body, secret: secret, timestamp: timestamp).utf8)
        return signatures.contains { candidate in
            let bytes = Array(candidate.utf8)
            guard bytes.count == expected.count else { return false }
            return zip(bytes, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
        }
    }

    private static func hex(body: Data, secret: String, timestamp: Int64) -> String {
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return code.lowercaseHex
    }
}
