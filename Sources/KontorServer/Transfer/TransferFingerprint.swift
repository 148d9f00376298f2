import Foundation
import KontorStore

/// The fingerprint of a request body recorded with a step's intent: SHA-256 of its JSON with sorted keys.
enum TransferFingerprint {
    /// The fingerprint of `body`.
    static func of(_ body: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(body)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return SecureToken.sha256Hex(json)
    }
}
