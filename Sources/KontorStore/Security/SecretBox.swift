import Crypto
import Foundation

/// Seals secrets (lexoffice API keys, OAuth tokens, callback secrets) with AES-256-GCM before they reach the
/// database, and opens them again (DESIGN.md §7). The sealed form is `v1:` plus base64 of nonce, ciphertext and tag.
package struct SecretBox: Sendable {
    private let key: SymmetricKey

    /// A box with a 256-bit master key.
    /// - Throws: ``StoreError`` `invalid-master-key` for a key that is not 32 bytes long.
    package init(masterKey: Data) throws(StoreError) {
        guard masterKey.count == 32 else {
            throw StoreError(.invalidMasterKey, "the master key must be 32 bytes (base64 of 32 random bytes)")
        }
        key = SymmetricKey(data: masterKey)
    }

    /// Seals `plaintext`; `context` (e.g. `tenant:acme/connection`) is authenticated, so a sealed value copied
    /// to another row does not open there.
    package func seal(_ plaintext: String, context: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: key, authenticating: Data(context.utf8))
        guard let combined = box.combined else {
            throw StoreError(.invalidMasterKey, "AES-GCM produced no combined representation")
        }
        return "v1:" + combined.base64EncodedString()
    }

    /// Opens a value sealed with ``seal(_:context:)`` under the same `context`.
    /// - Throws: ``StoreError`` `secret-unreadable` when the value was sealed with another key or context, or
    ///   was altered.
    package func open(_ sealed: String, context: String) throws(StoreError) -> String {
        guard sealed.hasPrefix("v1:"), let combined = Data(base64Encoded: String(sealed.dropFirst(3))) else {
            throw StoreError(.secretUnreadable, "a stored secret has an unknown format")
        }
        do {
            let box = try AES.GCM.SealedBox(combined: combined)
            let plaintext = try AES.GCM.open(box, using: key, authenticating: Data(context.utf8))
            return String(decoding: plaintext, as: UTF8.self)
        } catch {
            throw StoreError(
                .secretUnreadable,
                "a stored secret cannot be opened: wrong master key (KONTOR_MASTER_KEY) or altered data"
            )
        }
    }
}
