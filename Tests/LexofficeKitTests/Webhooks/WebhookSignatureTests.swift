import Foundation
import LexofficeKit
import Testing

struct WebhookSignatureTests {
    private static let vectorDirectory = Fixtures.directory.deletingLastPathComponent()
        .appendingPathComponent("webhook-signature")

    private static func vector(_ name: String) throws -> Data {
        try Data(contentsOf: vectorDirectory.appendingPathComponent(name))
    }

    @Test("a fixed vector made with `openssl dgst -sha512 -sign` verifies")
    func opensslVector() throws {
        let verifier = try WebhookSignatureVerifier(
            publicKeyPEM: String(decoding: try Self.vector("public_key.pub"), as: UTF8.self)
        )
        let body = try Self.vector("payload.json")
        let signature = String(decoding: try Self.vector("signature_base64"), as: UTF8.self)
        try verifier.verify(body: body, signature: signature)
        let callback = try verifier.verifiedCallback(body: body, signature: signature)
        #expect(callback.eventType == .invoiceStatusChanged)
        #expect(callback.resourceId.rawValue == "c3a1f7e2-5b6d-4e8f-9a0b-1c2d3e4f5a6b")
        #expect(callback.eventDate.description == "2025-03-14T09:30:02.417+01:00")
    }

    @Test("the same JSON with other whitespace does not verify: the raw bytes are signed")
    func reserialized() throws {
        let verifier = try WebhookSignatureVerifier(
            publicKeyPEM: String(decoding: try Self.vector("public_key.pub"), as: UTF8.self)
        )
        let signature = String(decoding: try Self.vector("signature_base64"), as: UTF8.self)
        let pretty = Data(
            String(decoding: try Self.vector("payload.json"), as: UTF8.self)
                .replacingOccurrences(of: ",", with: ", ").utf8
        )
        let error = #expect(throws: LexofficeError.self) { try verifier.verify(body: pretty, signature: signature) }
        #expect(error?.code == .invalidSignature)
    }

    @Test("a key pair generated in the test signs and verifies; tampering and other keys fail")
    func generatedKeyPair() throws {
        let signer = try WebhookSigner()
        let verifier = try WebhookSignatureVerifier(publicKeyPEM: signer.publicKeyPEM)
        let body = try Fixtures.data("webhook-callback.json")
        let signature = try signer.signature(for: body)
        try verifier.verify(body: body, signature: signature)

        var tampered = body
        tampered[tampered.startIndex + 20] ^= 0x01
        #expect(throws: LexofficeError.self) { try verifier.verify(body: tampered, signature: signature) }

        let stranger = try WebhookSignatureVerifier(publicKeyPEM: try WebhookSigner().publicKeyPEM)
        #expect(throws: LexofficeError.self) { try stranger.verify(body: body, signature: signature) }
    }

    @Test("missing or malformed signature headers are rejected with the header named")
    func missingHeader() throws {
        let verifier = try WebhookSignatureVerifier(publicKeyPEM: try WebhookSigner().publicKeyPEM)
        for header in [nil, "", "%%%not-base64%%%"] as [String?] {
            let error = #expect(throws: LexofficeError.self) {
                try verifier.verify(body: Data("{}".utf8), signature: header)
            }
            #expect(error?.code == .invalidSignature)
            #expect(error?.field == "X-Lxo-Signature")
        }
        #expect(throws: LexofficeError.self) { try WebhookSignatureVerifier(publicKeyPEM: "not a key") }
    }

    @Test("every documented event type decodes from a callback")
    func eventTypes() throws {
        for eventType in EventType.documentedValues {
            let body =
                #"{"organizationId":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","eventType":"\#(eventType.rawValue)","#
                + #""resourceId":"c3a1f7e2-5b6d-4e8f-9a0b-1c2d3e4f5a6b","eventDate":"2025-03-14T09:30:02.417+01:00"}"#
            let callback = try JSONDecoder().decode(WebhookCallback.self, from: Data(body.utf8))
            #expect(callback.eventType == eventType)
            #expect(callback.eventType.isDocumented)
        }
    }
}
