import KontorCore
import Testing

@Suite("Secure tokens")
struct SecureTokenTests {
    @Test("SHA-256 as lower-case hex: the standard test vectors and a text beyond ASCII")
    func sha256Hex() {
        #expect(SecureToken.sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SecureToken.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SecureToken.sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        )
        // Python's hashlib.sha256 of the UTF-8 bytes.
        #expect(
            SecureToken.sha256Hex("Prüfung für Größe 😀")
                == "ed99566f4baa39679be88c3c39a4542548c6ca13ee1227d68edb9586ebae9932"
        )
    }

    @Test("random tokens are base64url without padding and differ")
    func random() {
        let tokens = (0..<100).map { _ in SecureToken.random(bytes: 32) }
        #expect(Set(tokens).count == 100)
        #expect(tokens.allSatisfy { $0.count == 43 })
        #expect(tokens.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } })
    }
}
