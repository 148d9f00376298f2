import Foundation
import KontorCore

/// The fingerprint of a request body recorded with a step's intent: SHA-256 of its JSON with sorted keys.
enum TransferFingerprint {
    /// The fingerprint of `body`.
    static func of(_ body: some Encodable) -> String {
        let json = (try? KontorJSON.text(of: body)) ?? ""
        return SecureToken.sha256Hex(json)
    }
}
