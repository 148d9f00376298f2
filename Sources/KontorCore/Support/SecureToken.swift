import Crypto
import Foundation

/// Random tokens and their hashes for secrets the hub hands out (API tokens, OAuth2 states, callback secrets).
package enum SecureToken {
    /// `bytes` random bytes from the system's generator, base64url without padding.
    package static func random(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The SHA-256 of `text` as lower-case hex: what is stored instead of a token.
    package static func sha256Hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }.withUnsafeBytes(\.lowercaseHex)
    }
}
