import Crypto
import _CryptoExtras

import struct Foundation.Data
import protocol Foundation.DataProtocol

/// Verifies the `X-Lxo-Signature` of lexoffice webhook callbacks.
///
/// lexoffice signs the exact body bytes with RSA (PKCS#1 v1.5, SHA-512) and sends the signature Base64-encoded.
/// Verify the raw bytes before parsing them: re-serialized JSON does not verify. The public key is lexoffice's
/// published PEM (`https://developers.lexware.io/webhookSignature/public/public_key.pub`) or, for a simulator,
/// its own; it is always passed in, never fetched.
public struct WebhookSignatureVerifier: Sendable {
    /// The header lexoffice puts the signature in.
    public static let signatureHeader = "X-Lxo-Signature"

    private let publicKey: _RSA.Signing.PublicKey

    /// Creates a verifier from a PEM public key (`-----BEGIN PUBLIC KEY-----` or `BEGIN RSA PUBLIC KEY`).
    /// - Throws: ``LexofficeError/Code/invalidArgument`` if the PEM is not an RSA public key.
    public init(publicKeyPEM: String) throws {
        do {
            publicKey = try _RSA.Signing.PublicKey(pemRepresentation: publicKeyPEM)
        } catch {
            throw LexofficeError.invalidArgument(field: "publicKeyPEM", detail: "not an RSA public key in PEM form")
        }
    }

    /// Checks `signature` (the header value) against the raw `body`.
    /// - Throws: ``LexofficeError/Code/invalidSignature`` if the header is missing, not Base64, or does not match.
    public func verify(body: some DataProtocol, signature: String?) throws {
        guard let signature, !signature.isEmpty else {
            throw Self.invalid("the \(Self.signatureHeader) header is missing")
        }
        let trimmed = signature.trimmingSpaces()
        guard let signatureBytes = Data(base64Encoded: trimmed) else {
            throw Self.invalid("the \(Self.signatureHeader) header is not Base64")
        }
        let isValid = publicKey.isValidSignature(
            _RSA.Signing.RSASignature(rawRepresentation: signatureBytes),
            for: SHA512.hash(data: Data(body)),
            padding: .insecurePKCS1v1_5
        )
        guard isValid else { throw Self.invalid("the signature does not match the body") }
    }

    /// Verifies the signature, then decodes the callback.
    /// - Throws: ``LexofficeError/Code/invalidSignature``, or ``LexofficeError/Code/decodingFailed`` for a
    ///   signed body that is not a callback.
    public func verifiedCallback(body: Data, signature: String?) throws -> WebhookCallback {
        try verify(body: body, signature: signature)
        do {
            return try LexofficeJSON.decode(WebhookCallback.self, from: body)
        } catch {
            throw LexofficeError(
                code: .decodingFailed,
                detail: "the signed body is not a lexoffice callback: \(RequestExecutor.safeSummary(of: error))"
            )
        }
    }

    private static func invalid(_ detail: String) -> LexofficeError {
        LexofficeError(code: .invalidSignature, detail: detail, field: signatureHeader)
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
