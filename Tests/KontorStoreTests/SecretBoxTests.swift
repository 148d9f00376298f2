import Foundation
import KontorStore
import Testing

@Suite("Secrets at rest")
struct SecretBoxTests {
    private let key = Data((0..<32).map { UInt8($0) })

    @Test("sealed secrets open with the same key and context only")
    func sealAndOpen() throws {
        let box = try SecretBox(masterKey: key)
        let sealed = try box.seal("lexoffice-api-key-123", context: "tenant:acme/connection")
        #expect(!sealed.contains("lexoffice-api-key-123"))
        #expect(try box.open(sealed, context: "tenant:acme/connection") == "lexoffice-api-key-123")
        #expect(try box.seal("same", context: "c") != box.seal("same", context: "c"), "a fresh nonce every time")
        let otherContext = #expect(throws: StoreError.self) { try box.open(sealed, context: "tenant:bolt/connection") }
        #expect(otherContext?.code == .secretUnreadable)
        let otherKey = try SecretBox(masterKey: Data(repeating: 7, count: 32))
        #expect(throws: StoreError.self) { try otherKey.open(sealed, context: "tenant:acme/connection") }
        #expect(throws: StoreError.self) { try box.open("v1:AAAA", context: "tenant:acme/connection") }
    }

    @Test("a key of the wrong size is refused")
    func wrongKeySize() {
        let error = #expect(throws: StoreError.self) { try SecretBox(masterKey: Data(count: 16)) }
        #expect(error?.code == .invalidMasterKey)
    }

    @Test("the master key comes from the environment, else from a key file created with mode 0600")
    func masterKeySources() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-key-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("master.key").path
        let created = try MasterKey.load(environmentValue: nil, keyFile: file)
        #expect(created.count == 32)
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try MasterKey.load(environmentValue: nil, keyFile: file) == created)
        #expect(try MasterKey.load(environmentValue: key.base64EncodedString(), keyFile: file) == key)
        let malformed = #expect(throws: StoreError.self) {
            try MasterKey.load(environmentValue: "short", keyFile: file)
        }
        #expect(malformed?.code == .invalidMasterKey)
    }
}
