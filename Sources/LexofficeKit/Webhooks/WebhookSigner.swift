import Crypto
import _CryptoExtras

import struct Foundation.Data
import protocol Foundation.DataProtocol

/// Signs webhook bodies the way lexoffice does (RSA PKCS#1 v1.5, SHA-512, Base64): for simulators and tests.
public struct WebhookSigner: Sendable {
    private let privateKey: _RSA.Signing.PrivateKey

    /// A signer with a new key pair (2048 bits unless stated; lexoffice's own key has 4096).
    public init(keySize: Int = 2048) throws {
        privateKey = try _RSA.Signing.PrivateKey(keySize: _RSA.Signing.KeySize(bitCount: keySize))
    }

    /// A signer from a PEM private key.
    public init(privateKeyPEM: String) throws {
        privateKey = try _RSA.Signing.PrivateKey(pemRepresentation: privateKeyPEM)
    }

    /// The public key as PEM (`-----BEGIN PUBLIC KEY-----`), to publish for receivers.
    public var publicKeyPEM: String { privateKey.publicKey.pemRepresentation }

    /// The private key as PEM, to persist the key pair.
    public var privateKeyPEM: String { privateKey.pemRepresentation }

    /// The `X-Lxo-Signature` value for `body`.
    public func signature(for body: some DataProtocol) throws -> String {
        try privateKey.signature(for: SHA512.hash(data: Data(body)), padding: .insecurePKCS1v1_5)
            .rawRepresentation.base64EncodedString()
    }
}
